using Northstar.Core.Compiling.Sql;
using Northstar.Core.Queries;

namespace Northstar.Core.Analyses;

/// <summary>A named analysis: its answer's columns, and the statements that compute its rows and totals.</summary>
internal abstract class Analysis
{
    /// <summary>The name a spec asks for.</summary>
    public abstract string Name { get; }

    /// <summary>The answer's columns, in row order.</summary>
    public abstract IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The rows (in the column order of <see cref="Columns"/>) and the totals (one row: the metric columns).</summary>
    public abstract AnalysisStatements Build(AnalysisInput input);
}

/// <summary>The statements of an analysis and the rollups they read (none: the fact table only).</summary>
internal sealed record AnalysisStatements(SqlSelect Rows, SqlSelect Totals, IReadOnlyList<string> Rollups);
