namespace Northstar.Core.Queries;

/// <summary>What compiling a query needs besides the model, the spec and the scope.</summary>
/// <param name="Dialect">The engine's SQL dialect.</param>
/// <param name="Today">Today in the company's time zone: the presets are relative to it.</param>
/// <param name="MaxRows">The most rows an answer may have; a larger or missing limit becomes this.</param>
public sealed record CompileContext(SqlDialect Dialect, DateOnly Today, int MaxRows = 10_000)
{
    /// <summary>Whether a rollup may answer instead of the fact tables (default); false always reads the fact tables.</summary>
    public bool UseRollups { get; init; } = true;
}
