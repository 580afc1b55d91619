namespace Northstar.Core.Model;

/// <summary>A subject ("cube"): one gold fact table and what can be asked of it.</summary>
/// <param name="Name">The subject's name (snake_case), unique in the model.</param>
/// <param name="Label">Human label.</param>
/// <param name="Table">The fact table, schema-qualified (<c>gold.fact_sales</c>); aliased <c>f</c> in SQL.</param>
/// <param name="DataSubject">The ingest subject whose data version this subject follows (a "data changed"
/// notification names it): <c>sales</c>, <c>pipeline</c>, <c>production</c>, <c>service</c>, <c>telemarketing</c>,
/// <c>canvass</c>, <c>marketing</c>, <c>system</c>.</param>
/// <param name="Joins">Joins to gold dimension tables by name.</param>
/// <param name="TimeDimensions">Time dimensions by name; at least one.</param>
/// <param name="DefaultTime">The time dimension used when a query names none.</param>
/// <param name="Dimensions">Dimensions by name. A dimension name means the same thing in every subject that has it
/// (conformed), so queries over metrics of several subjects can group and filter by it.</param>
/// <param name="Segments">Named filters by name.</param>
/// <param name="Scope">The row-scope columns of the fact table.</param>
/// <param name="Source">Where the subject is declared.</param>
public sealed record Subject(
    string Name,
    string Label,
    string Table,
    string DataSubject,
    IReadOnlyDictionary<string, Join> Joins,
    IReadOnlyDictionary<string, TimeDimension> TimeDimensions,
    string DefaultTime,
    IReadOnlyDictionary<string, Dimension> Dimensions,
    IReadOnlyDictionary<string, Segment> Segments,
    ScopeColumns Scope,
    SourceLocation Source);

/// <summary>
/// A left join from the fact table to a dimension table: <c>left join {Table} {Name} on {Name}.{TargetColumn} =
/// f.{FactColumn}</c>. The join's name is its SQL alias.
/// </summary>
public sealed record Join(string Name, string Table, string FactColumn, string TargetColumn);

/// <summary>
/// A time dimension: the business-local date column of the fact (in the location's time zone, computed at load), and
/// the local hour column when the fact has one (needed for the hour grain).
/// </summary>
public sealed record TimeDimension(string Name, string Label, string DateColumn, string? HourColumn);

/// <summary>A dimension: a column of the fact (<see cref="Join"/> null) or of one of its joins.</summary>
public sealed record Dimension(string Name, string Label, string? Join, string Column, DataType Type, ValueFormat Format);

/// <summary>A named filter: all its conditions hold (and).</summary>
public sealed record Segment(string Name, string Label, IReadOnlyList<Condition> Conditions);

/// <summary>
/// A condition of the model (a filtered measure or a segment) on a dimension of the subject. Values are constants of
/// the model, bound as parameters like any other value.
/// </summary>
public sealed record Condition(string Dimension, FilterOp Op, IReadOnlyList<object?> Values);

/// <summary>
/// The fact's row-scope columns, used by the compiler to enforce the caller's scope: <see cref="Branch"/> holds a
/// location key (gold.dim_location.location_key), <see cref="Employee"/> an employee key (gold.dim_employee.employee_key).
/// A subject with neither is visible only to callers whose scope is unrestricted (fail closed).
/// </summary>
public sealed record ScopeColumns(string? Branch, string? Employee);

/// <summary>The file and line a model element is declared at, for error messages.</summary>
public sealed record SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>The type of a dimension's or metric's values in answers.</summary>
public enum DataType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
    Timestamp,
}

/// <summary>How the UI formats a value.</summary>
public enum ValueFormat
{
    None,
    Number,
    Integer,
    Currency,
    Percent,
    Date,
    Duration,
}
