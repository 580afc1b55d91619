using System.Globalization;

namespace Northstar.Warehouse.Queries;

/// <summary>A query statement ran longer than the statement timeout and was stopped. The message holds no SQL.</summary>
public sealed class QueryTimeoutException : Exception
{
    /// <summary>Creates the exception for a statement stopped after <paramref name="timeoutSeconds"/>.</summary>
    public QueryTimeoutException(int timeoutSeconds, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"The query ran longer than the limit of {timeoutSeconds} seconds and was stopped."),
            innerException)
    {
        TimeoutSeconds = timeoutSeconds;
    }

    public QueryTimeoutException()
        : base("The query ran longer than the statement timeout and was stopped.")
    {
    }

    public QueryTimeoutException(string message)
        : base(message)
    {
    }

    public QueryTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit the statement ran past, in seconds.</summary>
    public int TimeoutSeconds { get; }
}
