using System.Globalization;

namespace Northstar.Warehouse;

/// <summary>
/// A point in the primary's write history (a PostgreSQL WAL position, <c>16/B374D848</c>). A read that must see every
/// write committed up to it asks for a connection that has replayed at least this far.
/// </summary>
public readonly record struct WritePosition(ulong Value) : IComparable<WritePosition>
{
    /// <summary>Parses PostgreSQL's text form of an LSN (<c>hi/lo</c>, both hexadecimal).</summary>
    public static WritePosition Parse(string lsn)
    {
        ArgumentNullException.ThrowIfNull(lsn);
        var slash = lsn.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !uint.TryParse(lsn.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !uint.TryParse(lsn.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
            throw new FormatException($"'{lsn}' is not a WAL position.");
        return new WritePosition(((ulong)high << 32) | low);
    }

    /// <inheritdoc />
    public int CompareTo(WritePosition other) => Value.CompareTo(other.Value);

    public static bool operator <(WritePosition left, WritePosition right) => left.Value < right.Value;

    public static bool operator >(WritePosition left, WritePosition right) => left.Value > right.Value;

    public static bool operator <=(WritePosition left, WritePosition right) => left.Value <= right.Value;

    public static bool operator >=(WritePosition left, WritePosition right) => left.Value >= right.Value;

    /// <summary>PostgreSQL's text form, which <c>::pg_lsn</c> reads back.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 32:X}/{Value & 0xFFFFFFFF:X}");
}
