using Northstar.Ingest.Pipeline;

namespace Northstar.Ingest.Demo;

/// <summary>What a demo load reports as it goes (the <c>demo</c> verb's progress bars).</summary>
public interface IDemoLoadObserver
{
    /// <summary>An entity starts being written to bronze; returns where to report the records read so far.</summary>
    IProgress<long>? Writing(EntityKind entity);

    /// <summary>An entity is in bronze.</summary>
    void Written(EntityKind entity, BulkOutcome outcome);
}
