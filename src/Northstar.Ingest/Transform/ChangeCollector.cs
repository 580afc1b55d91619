using Northstar.Ingest.Pipeline;

namespace Northstar.Ingest.Transform;

/// <summary>Gathers the subjects and the span of dates a batch changed.</summary>
internal sealed class ChangeCollector
{
    private readonly SortedSet<string> _subjects = new(StringComparer.Ordinal);
    private DateOnly _from = DateOnly.MaxValue;
    private DateOnly _to = DateOnly.MinValue;

    public void Add(IEnumerable<string> subjects, DateOnly from, DateOnly to)
    {
        _subjects.UnionWith(subjects);
        if (from < _from)
            _from = from;
        if (to > _to)
            _to = to;
    }

    public DataChange? ToChange() => _subjects.Count == 0 ? null : new DataChange([.. _subjects], _from, _to);
}
