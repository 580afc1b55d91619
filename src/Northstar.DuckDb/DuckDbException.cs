using System.Data.Common;

namespace Northstar.DuckDb;

/// <summary>An error reported by DuckDB (or by this provider on DuckDB's behalf), with DuckDB's own message.</summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception with a message and <see cref="DuckDbErrorType.Invalid"/>.</summary>
    public DuckDbException()
    {
    }

    /// <summary>Creates an exception with a message and <see cref="DuckDbErrorType.Invalid"/>.</summary>
    public DuckDbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another one.</summary>
    public DuckDbException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception of the given kind.</summary>
    public DuckDbException(string message, DuckDbErrorType errorType, Exception? innerException = null)
        : base(message, innerException) => ErrorType = errorType;

    /// <summary>The kind of error, as DuckDB classified it.</summary>
    public DuckDbErrorType ErrorType { get; }

    /// <summary>DuckDB errors are never transient: retrying the same statement fails the same way.</summary>
    public override bool IsTransient => false;
}
