namespace Northstar.Ingest.Pipeline.Validation;

/// <summary>Collects the field errors of one event, with small checks named for the rule they apply.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void NotBlank(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "must not be empty");
    }

    public void OneOf(string field, string? value, IReadOnlySet<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
            Add(field, $"must be one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
    }

    public void NotNegative(string field, decimal? value)
    {
        if (value < 0)
            Add(field, "must not be negative");
    }

    public void NotNegative(string field, long? value)
    {
        if (value < 0)
            Add(field, "must not be negative");
    }

    public void Between(string field, decimal? value, decimal min, decimal max)
    {
        if (value < min || value > max)
            Add(field, $"must be between {min} and {max}");
    }

    public void NotBefore<T>(string field, T? value, string earlierField, T? earlier)
        where T : struct, IComparable<T>
    {
        if (value is { } later && earlier is { } first && later.CompareTo(first) < 0)
            Add(field, $"must not be before {earlierField}");
    }

    public void TimeZone(string field, string? value)
    {
        if (value is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
            Add(field, "must be an IANA time zone such as America/New_York");
    }
}
