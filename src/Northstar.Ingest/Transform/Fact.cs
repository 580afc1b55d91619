namespace Northstar.Ingest.Transform;

/// <summary>
/// One gold fact table and how to rebuild its rows for the records a batch touched: <see cref="Touch"/> adds the
/// records that must be rebuilt although their own event is not in the batch (a late dimension arrived, a customer's
/// history changed), then the rows of every touched record are deleted and re-derived from silver by
/// <see cref="Insert"/>, then <see cref="After"/> runs (fix-ups across records).
/// </summary>
/// <param name="Table">The fact table, e.g. <c>gold.fact_sales</c>.</param>
/// <param name="Entity">The entity whose touched ids select the rows.</param>
/// <param name="IdColumn">The fact's column holding that entity's id.</param>
/// <param name="DateColumn">The business date of a row, for the date range of the change.</param>
/// <param name="Subjects">The semantic-model subjects the table feeds.</param>
/// <param name="Touch">Statements adding records to rebuild to <c>ns_touched</c>.</param>
/// <param name="Insert">Re-derives the rows of the touched records from silver.</param>
/// <param name="After">Runs after the insert, or null.</param>
internal sealed record Fact(
    string Table, string Entity, string IdColumn, string DateColumn, IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Touch, string Insert, string? After = null);
