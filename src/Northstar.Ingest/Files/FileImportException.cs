namespace Northstar.Ingest.Files;

/// <summary>
/// A file that cannot be imported at all: unreadable, over a limit, a header without a required column, an unknown
/// mapping. The message is a sentence for the user, naming the file and line when there is one.
/// </summary>
public sealed class FileImportException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public FileImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the error behind it.</summary>
    public FileImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public FileImportException()
        : base("The file cannot be imported.")
    {
    }
}
