namespace Northstar.Ingest.Square;

/// <summary>
/// The Square sync could not complete: the API refused the request, kept failing past the allowed attempts, or
/// answered with something that is not a SearchOrders response. The message is safe to show (it never holds the token).
/// </summary>
public sealed class SquareSyncException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public SquareSyncException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the failure behind it.</summary>
    public SquareSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SquareSyncException()
        : base("The Square sync failed.")
    {
    }
}
