namespace Northstar.Core.Model.Loading;

/// <summary>A YAML mapping of a model file whose keys have been checked against the ones its declaration allows.</summary>
internal sealed class ModelMap(ModelNode owner, IReadOnlyDictionary<string, ModelNode> entries)
{
    public ModelNode Owner => owner;

    public bool Has(string key) => entries.ContainsKey(key);

    public ModelNode? Optional(string key) => entries.GetValueOrDefault(key);

    /// <summary>The value of <paramref name="key"/>; null (reported at the mapping) when the key is missing.</summary>
    public ModelNode? Required(string key)
    {
        var value = entries.GetValueOrDefault(key);
        if (value is null)
        {
            owner.Error($"'{key}' is required");
        }

        return value;
    }

    public string? RequiredText(string key) => Required(key)?.Text();

    public string? RequiredIdentifier(string key) => Required(key)?.Identifier();

    public string? OptionalText(string key) => Optional(key)?.Text();

    public string? OptionalIdentifier(string key) => Optional(key)?.Identifier();
}
