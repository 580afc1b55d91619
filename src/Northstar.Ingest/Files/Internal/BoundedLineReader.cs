namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Reads UTF-8 lines from a stream without ever holding more than the longest allowed line: a line over the limit
/// ends the read as soon as that much has been buffered, so a 1 GB single line costs a buffer of the limit, not 1 GB.
/// Strips a leading UTF-8 BOM and the CR of CRLF.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, int maxLineBytes, string fileName)
{
    private byte[] _buffer = new byte[Math.Min(64 * 1024, maxLineBytes + 2)];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    /// <summary>The 1-based line number of the line last returned.</summary>
    public long Line { get; private set; }

    /// <summary>The next line's bytes (valid until the next call), or null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                var line = Take(length, consumed: length + 1);
                return line;
            }

            scanned = _end - _start;
            if (scanned > maxLineBytes)
                throw new FileImportException($"{fileName}: line {Line + 1:N0} is longer than the limit of {maxLineBytes:N0} bytes.");
            // Spelled out: a bare null here would convert to an empty ReadOnlyMemory (through byte[]), not to no line.
            if (_eof && scanned == 0)
                return (ReadOnlyMemory<byte>?)null;
            if (_eof)
                return Take(scanned, consumed: scanned);
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    private ReadOnlyMemory<byte> Take(int length, int consumed)
    {
        Line++;
        var line = _buffer.AsMemory(_start, length);
        _start += consumed;
        if (_first)
        {
            _first = false;
            if (line.Span.StartsWith("\uFEFF"u8))
                line = line[3..];
        }

        if (line.Span.EndsWith("\r"u8))
            line = line[..^1];
        if (line.Length > maxLineBytes)
            throw new FileImportException($"{fileName}: line {Line:N0} is longer than the limit of {maxLineBytes:N0} bytes.");
        return line;
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 2L));
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        if (read == 0)
            _eof = true;
        _end += read;
    }
}
