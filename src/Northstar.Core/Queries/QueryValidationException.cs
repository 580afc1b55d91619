namespace Northstar.Core.Queries;

/// <summary>
/// A query spec that cannot be compiled: each error names the field (a JSON path into the spec, <c>filters[1].op</c>)
/// and says what is wrong in a sentence, without SQL. The API turns it into a 400 problem details.
/// </summary>
public sealed class QueryValidationException(IReadOnlyList<QueryError> errors)
    : Exception(string.Join("; ", errors.Select(error => $"{error.Field}: {error.Message}")))
{
    public IReadOnlyList<QueryError> Errors { get; } = errors;
}

/// <summary>One validation error of a query spec.</summary>
public sealed record QueryError(string Field, string Message);
