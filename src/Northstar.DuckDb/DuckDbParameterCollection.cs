using System.Collections;
using System.Data.Common;

namespace Northstar.DuckDb;

/// <summary>The parameters of a <see cref="DuckDbCommand"/>; names are matched case-insensitively, with or without <c>$</c>.</summary>
public sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> _parameters = [];

    /// <inheritdoc />
    public override int Count => _parameters.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)_parameters).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new DuckDbParameter this[int index]
    {
        get => _parameters[index];
        set => _parameters[index] = value;
    }

    /// <summary>The parameter named <paramref name="parameterName"/>.</summary>
    public new DuckDbParameter this[string parameterName]
    {
        get => _parameters[IndexOrThrow(parameterName)];
        set => _parameters[IndexOrThrow(parameterName)] = value;
    }

    /// <summary>Adds a parameter and returns it.</summary>
    public DuckDbParameter Add(DuckDbParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a named parameter with a value and returns it.</summary>
    public DuckDbParameter AddWithValue(string parameterName, object? value) => Add(new DuckDbParameter(parameterName, value));

    /// <summary>Adds a positional parameter with a value and returns it.</summary>
    public DuckDbParameter AddWithValue(object? value) => Add(new DuckDbParameter(value));

    /// <inheritdoc />
    public override int Add(object value)
    {
        Add(Cast(value));
        return _parameters.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(Cast(value));
        }
    }

    /// <inheritdoc />
    public override void Clear() => _parameters.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDbParameter parameter && _parameters.Contains(parameter);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)_parameters).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => _parameters.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDbParameter parameter ? _parameters.IndexOf(parameter) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var name = parameterName.AsSpan().TrimStart("$@:");
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (name.Equals(_parameters[i].ParameterName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => _parameters.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => _parameters.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => _parameters.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName) => _parameters.RemoveAt(IndexOrThrow(parameterName));

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => _parameters[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName) => _parameters[IndexOrThrow(parameterName)];

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => _parameters[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value) => _parameters[IndexOrThrow(parameterName)] = Cast(value);

    private int IndexOrThrow(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? index : throw new ArgumentException($"No parameter named '{parameterName}' is in the collection.", nameof(parameterName));
    }

    private static DuckDbParameter Cast(object? value) =>
        value as DuckDbParameter
        ?? throw new InvalidCastException($"Only DuckDbParameter objects can be added, not {value?.GetType().Name ?? "null"}.");
}
