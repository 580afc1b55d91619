namespace Northstar.DuckDb.Internal;

/// <summary>Turns DuckDB's error messages into <see cref="DuckDbException"/>s of the right kind.</summary>
internal static class DuckDbErrors
{
    /// <summary>
    /// The error kind, for the C API paths that give only a message (prepare, pending, appender): DuckDB prefixes
    /// every message with the kind, e.g. "Catalog Error: Table with name x does not exist!".
    /// </summary>
    public static DuckDbErrorType TypeFromMessage(string message)
    {
        var end = message.IndexOf(" Error:", StringComparison.Ordinal);
        if (end <= 0)
        {
            return DuckDbErrorType.Invalid;
        }

        var kind = message[..end].Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return kind.ToUpperInvariant() switch
        {
            "TRANSACTIONCONTEXT" => DuckDbErrorType.Transaction,
            "EXTENSIONAUTOLOADING" => DuckDbErrorType.Autoload,
            _ => Enum.TryParse<DuckDbErrorType>(kind, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : DuckDbErrorType.Invalid,
        };
    }

    public static DuckDbException FromMessage(string? message, string fallback) =>
        message is { Length: > 0 } ? new DuckDbException(message, TypeFromMessage(message)) : new DuckDbException(fallback);
}
