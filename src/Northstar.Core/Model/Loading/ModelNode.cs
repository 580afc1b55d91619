using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// A YAML node of a model file, with the file, the member path it stands for and the error list of the load. Reading
/// reports a problem and carries on (returning null) rather than throwing, so that one load reports every problem.
/// </summary>
/// <remarks>
/// The line of a mapping's value is the line of its key: the value of <c>revenue:</c> written as a block starts on the
/// next line, but "revenue" is where a reader looks.
/// </remarks>
internal sealed class ModelNode(string file, string member, YamlNode node, List<ModelError> errors, Mark? keyStart = null)
{
    public string File => file;

    public string Member => member;

    public int Line => checked((int)(keyStart ?? node.Start).Line);

    public SourceLocation Source => new(file, Line);

    public List<ModelError> Errors => errors;

    /// <summary>Whether the node is a scalar written as-is (not quoted): only such scalars are booleans or numbers.</summary>
    public bool IsPlainScalar => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };

    /// <summary>The text of a plain scalar; null, without reporting anything, for any other node.</summary>
    public string? PlainText => IsPlainScalar ? ((YamlScalarNode)node).Value : null;

    /// <summary>Whether the node is missing its value (<c>key:</c> with nothing after it, or <c>~</c>/<c>null</c>).</summary>
    private bool IsNull => node is YamlScalarNode { Value: null or "" or "~" or "null" } && IsPlainScalar;

    public void Error(string message) => errors.Add(new ModelError(file, Line, member, message));

    private ModelNode Child(YamlNode key, string name, YamlNode child) =>
        new(file, member.Length == 0 ? name : $"{member}.{name}", child, errors, key.Start);

    /// <summary>The scalar's text; null (reported) when the node is not a scalar, has no value or is empty ("").</summary>
    public string? Text()
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value } && !IsNull)
        {
            return value;
        }

        Error(node is YamlScalarNode ? "a value is required" : "expected a single value, not a list or mapping");
        return null;
    }

    /// <summary>The scalar as a snake_case identifier; null (reported) otherwise.</summary>
    public string? Identifier()
    {
        var text = Text();
        if (text is null || Identifiers.IsIdentifier(text))
        {
            return text;
        }

        Error($"'{text}' is not a snake_case identifier ([a-z][a-z0-9_]*)");
        return null;
    }

    /// <summary>The scalar as <c>true</c> or <c>false</c>; null (reported) otherwise.</summary>
    public bool? Boolean()
    {
        var text = Text();
        switch (text)
        {
            case null:
                return null;
            case "true" when IsPlainScalar:
                return true;
            case "false" when IsPlainScalar:
                return false;
            default:
                Error($"expected true or false, not '{text}'");
                return null;
        }
    }

    /// <summary>The scalar as one of the given words; null (reported) otherwise.</summary>
    public T? OneOf<T>(IReadOnlyDictionary<string, T> words)
        where T : struct
    {
        var text = Text();
        if (text is null)
        {
            return null;
        }

        if (words.TryGetValue(text, out var value))
        {
            return value;
        }

        Error($"'{text}' is not one of: {string.Join(", ", words.Keys)}");
        return null;
    }

    /// <summary>The node as a list; null (reported) when it is something else.</summary>
    public IReadOnlyList<ModelNode>? List()
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children.Select((child, i) => new ModelNode(file, $"{member}[{i}]", child, errors))];
        }

        Error("expected a list ([a, b] or one '- item' per line)");
        return null;
    }

    /// <summary>The node as a list of snake_case identifiers; invalid items are reported and left out.</summary>
    public IReadOnlyList<(string Name, ModelNode Node)>? IdentifierList()
    {
        var items = List();
        if (items is null)
        {
            return null;
        }

        var identifiers = new List<(string, ModelNode)>();
        foreach (var item in items)
        {
            if (item.Identifier() is { } name)
            {
                identifiers.Add((name, item));
            }
        }

        return identifiers;
    }

    /// <summary>
    /// The node as a mapping whose keys must be among <paramref name="keys"/>: an unknown key is an error (a typo must
    /// not be silently ignored). Null (reported) when the node is not a mapping.
    /// </summary>
    public ModelMap? Map(params string[] keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error($"expected a mapping with: {string.Join(", ", keys)}");
            return null;
        }

        var entries = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var child = Child(key, name, value);
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new ModelError(file, child.Line, child.Member,
                    $"unknown key '{name}'; expected one of: {string.Join(", ", keys)}"));
                continue;
            }

            entries[name] = child;
        }

        return new ModelMap(this, entries);
    }

    /// <summary>
    /// The node as a mapping of names to declarations (<c>measures: { revenue: {...}, orders: {...} }</c>): every key
    /// must be a snake_case identifier. An empty value (<c>measures:</c>) is an empty mapping.
    /// </summary>
    public IReadOnlyList<(string Name, ModelNode Node)> Declarations()
    {
        if (IsNull)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            Error("expected a mapping of names to declarations");
            return [];
        }

        var declarations = new List<(string, ModelNode)>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var child = Child(key, name, value);
            if (!Identifiers.IsIdentifier(name))
            {
                child.Error($"'{name}' is not a snake_case identifier ([a-z][a-z0-9_]*)");
                continue;
            }

            declarations.Add((name, child));
        }

        return declarations;
    }
}
