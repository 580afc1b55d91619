namespace Northstar.Server.Ingest;

/// <summary>An import option that is not valid: <see cref="Field"/> names it, the message says why, for the user.</summary>
internal sealed class FileImportArgumentException(string field, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The option at fault, as the upload endpoint's query parameter names it (<c>timeZone</c>, <c>map</c>...).</summary>
    public string Field { get; } = field;
}
