namespace Northstar.Ingest.Transform;

/// <summary>
/// A batch statement that only reads the rows of records touched by the batch (its <see cref="Sql.Touched"/>
/// subqueries): when none of the entities it reads is touched it would change nothing, and the batch skips it. So a
/// batch of a few orders runs a handful of statements instead of every dimension and late-arrival check.
/// </summary>
/// <param name="Text">The statement, with the batch's <c>{lo}</c> and <c>{hi}</c> placeholders.</param>
/// <param name="Reads">The entities whose touched ids it reads; empty when it does not depend on them (always run).</param>
internal sealed record GatedStatement(string Text, IReadOnlySet<string> Reads)
{
    public static GatedStatement Of(string text) => new(text, Sql.TouchedEntitiesIn(text));

    /// <summary>Whether it adds records to <c>ns_touched</c>, so the touched entities must be read again when it did.</summary>
    public bool AddsTouched { get; } = Text.TrimStart().StartsWith("insert into ns_touched", StringComparison.Ordinal);

    public bool Applies(IReadOnlySet<string> touched) => Reads.Count == 0 || Reads.Overlaps(touched);
}
