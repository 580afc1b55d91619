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
    private static readonly ConcurrentDictionary<Type, (string Field, Func<object, object?> Read)[]> ReaderCache = new();

    public static IReadOnlyList<string> Of(Type recordType) => Cache.GetOrAdd(recordType, Find);

    /// <summary>
    /// The getter of each required field that can be null (a reference or nullable type; other values are always
    /// present in the record's JSON).
    /// </summary>
    public static IReadOnlyList<(string Field, Func<object, object?> Read)> Readers(Type recordType) =>
        ReaderCache.GetOrAdd(recordType, FindReaders);

    private static string[] Find(Type recordType) =>
        Required(recordType).Select(parameter => JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!)).ToArray();

    private static (string Field, Func<object, object?> Read)[] FindReaders(Type recordType) =>
        Required(recordType)
            .Where(parameter => !parameter.ParameterType.IsValueType || Nullable.GetUnderlyingType(parameter.ParameterType) is not null)
            .Select(parameter =>
            {
                var property = recordType.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance)!;
                return (JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!), (Func<object, object?>)property.GetValue);
            })
            .ToArray();

    private static IEnumerable<ParameterInfo> Required(Type recordType) =>
        recordType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(candidate => candidate.GetParameters().Length)
            .First()
            .GetParameters()
            .Where(parameter => !parameter.HasDefaultValue);
}
