using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Northstar.Ingest.Pipeline.Validation;

/// <summary>
/// The required JSON fields of a wire record: the parameters of its primary constructor that have no default value.
/// Read from the record itself so that the wire format stays the single statement of what is required.
/// </summary>
internal static class RequiredFields
{
    private static readonly ConcurrentDictionary<Type, string[]> Cache = new();

    public static IReadOnlyList<string> Of(Type recordType) => Cache.GetOrAdd(recordType, Find);

    private static string[] Find(Type recordType)
    {
        var constructor = recordType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(candidate => candidate.GetParameters().Length)
            .First();
        return constructor.GetParameters()
            .Where(parameter => !parameter.HasDefaultValue)
            .Select(parameter => JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!))
            .ToArray();
    }
}
