using System.Buffers;
using System.Text;

namespace Northstar.DuckDb.Internal;

/// <summary>Encodes a string to UTF-8 in a pooled buffer, for C calls that take a pointer and a length.</summary>
internal ref struct Utf8
{
    private byte[]? _rented;

    public Utf8(string value, Span<byte> scratch)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var buffer = max <= scratch.Length ? scratch : (_rented = ArrayPool<byte>.Shared.Rent(max));
        Bytes = buffer[..Encoding.UTF8.GetBytes(value, buffer)];
    }

    public Span<byte> Bytes { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
