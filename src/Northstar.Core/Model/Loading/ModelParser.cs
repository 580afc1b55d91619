using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Northstar.Core.Model.Loading;

/// <summary>
/// Builds the <see cref="SemanticModel"/> from the model files (<c>model/*.yaml</c>, read by the host) and validates it
/// whole: every problem of every file is reported, with its file, line and member (see docs/semantic-model.md).
/// </summary>
public static partial class ModelParser
{
    private static readonly string[] FileKeys = ["company", "subjects", "metrics", "rollups"];

    /// <summary>Parses and validates the model declared by <paramref name="files"/> together.</summary>
    /// <exception cref="ModelValidationException">The model is invalid; the exception lists every problem.</exception>
    public static SemanticModel Parse(IEnumerable<ModelFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<ModelError>();
        var declarations = new ModelDeclarations(errors);
        foreach (var file in files)
        {
            ReadFile(file, declarations, errors);
        }

        var model = declarations.Complete();
        if (errors.Count > 0 || model is null)
        {
            throw new ModelValidationException(errors);
        }

        return model;
    }

    private static void ReadFile(ModelFile file, ModelDeclarations declarations, List<ModelError> errors)
    {
        declarations.AddFile(file.Path);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(file.Text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new ModelError(file.Path, checked((int)e.Start.Line), "", $"not valid YAML: {StripMark(e.Message)}"));
            declarations.AddUnreadableFile();
            return;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when the text ends inside a flow collection ({ ... or [ ...).
            var line = checked((int)(parser.Current?.End.Line ?? 1));
            errors.Add(new ModelError(file.Path, line, "", "not valid YAML: the file ends inside an unclosed { or ["));
            declarations.AddUnreadableFile();
            return;
        }

        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(new ModelError(file.Path, checked((int)stream.Documents[1].RootNode.Start.Line), "",
                "a model file holds one YAML document (no '---' separators)"));
        }

        var map = new ModelNode(file.Path, "", stream.Documents[0].RootNode, errors).Map(FileKeys);
        if (map is null)
        {
            return;
        }

        if (map.Optional("company") is { } company)
        {
            declarations.AddCompany(company);
        }

        foreach (var (name, node) in map.Optional("subjects")?.Declarations() ?? [])
        {
            var (subject, metrics) = SubjectReader.Read(name, node);
            declarations.AddSubject(name, node, subject);
            foreach (var metric in metrics)
            {
                declarations.AddMetric(metric);
            }
        }

        foreach (var (name, node) in map.Optional("metrics")?.Declarations() ?? [])
        {
            declarations.AddMetric(MetricReader.ReadModelMetric(name, node));
        }

        foreach (var (name, node) in map.Optional("rollups")?.Declarations() ?? [])
        {
            declarations.AddRollup(name, node);
        }
    }

    /// <summary>YamlDotNet prefixes its messages with the marks; the error already carries the line.</summary>
    private static string StripMark(string message) => MarkPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
