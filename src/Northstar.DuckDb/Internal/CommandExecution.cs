using System.Globalization;
using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>
/// One run of a command, from execute until its reader closes: runs statements and turns an interruption into the
/// exception its cause calls for. The cancellation token, <see cref="DuckDbCommand.Cancel"/> and the command timeout
/// all stop the query the same way, with <c>duckdb_interrupt</c> on the connection, from whichever thread they fire on.
/// </summary>
internal sealed class CommandExecution : IDisposable
{
    private const int NotInterrupted = 0;
    private const int ByToken = 1;
    private const int ByCancel = 2;
    private const int ByTimeout = 3;

    private readonly ConnectionHandle _connection;
    private readonly int _timeoutSeconds;
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _tokenRegistration;
    private readonly Timer? _timer;
    private int _reason;

    public CommandExecution(ConnectionHandle connection, int timeoutSeconds, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        _connection = connection;
        _timeoutSeconds = timeoutSeconds;
        _token = token;
        if (token.CanBeCanceled)
        {
            _tokenRegistration = token.UnsafeRegister(static state => ((CommandExecution)state!).Interrupt(ByToken), this);
        }

        if (timeoutSeconds > 0)
        {
            _timer = new Timer(static state => ((CommandExecution)state!).Interrupt(ByTimeout), this, timeoutSeconds * 1000L, Timeout.Infinite);
        }
    }

    public void Cancel() => Interrupt(ByCancel);

    /// <summary>Whether the token, Cancel or the timeout has stopped this run.</summary>
    public bool IsInterrupted => Volatile.Read(ref _reason) != NotInterrupted;

    /// <summary>Runs a prepared statement (parameters already bound) to a streaming result.</summary>
    public ResultHandle Execute(PreparedStatementHandle statement)
    {
        ThrowIfInterrupted();
        var state = NativeMethods.PendingPreparedStreaming(statement, out var pointer);
        using var pending = new PendingResultHandle(pointer, statement);
        if (state != DuckDbState.Success)
        {
            throw Failure(pending.IsInvalid ? null : NativeMethods.PendingError(pending), null);
        }

        // Creating the pending result starts the query, which clears DuckDB's interrupt flag: an interruption
        // requested before that point is seen here, one requested after it stops the execution below.
        ThrowIfInterrupted();
        var result = ResultHandle.Allocate(statement);
        unsafe
        {
            if (NativeMethods.ExecutePending(pending, result.Pointer) != DuckDbState.Success)
            {
                var failure = Failure(NativeMethods.ResultError(result.Pointer), NativeMethods.ResultErrorType(result.Pointer));
                result.Dispose();
                throw failure;
            }
        }

        return result;
    }

    /// <summary>The exception for an error DuckDB reported: the interruption's own one if this run was interrupted.</summary>
    public Exception Failure(string? message, DuckDbErrorType? type)
    {
        if (Volatile.Read(ref _reason) != NotInterrupted)
        {
            return Interrupted();
        }

        message ??= "DuckDB reported an error without a message.";
        return new DuckDbException(message, type ?? DuckDbErrors.TypeFromMessage(message));
    }

    public void ThrowIfInterrupted()
    {
        if (Volatile.Read(ref _reason) != NotInterrupted)
        {
            throw Interrupted();
        }
    }

    public void Dispose()
    {
        _tokenRegistration.Dispose();
        _timer?.Dispose();
    }

    private void Interrupt(int reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, NotInterrupted) != NotInterrupted)
        {
            return;
        }

        try
        {
            NativeMethods.Interrupt(_connection);
        }
        catch (ObjectDisposedException)
        {
            // The connection closed meanwhile: there is nothing left to stop.
        }
    }

    private Exception Interrupted() => Volatile.Read(ref _reason) switch
    {
        ByToken => new OperationCanceledException("The command was cancelled.", _token),
        ByTimeout => new DuckDbException(
            string.Create(CultureInfo.InvariantCulture, $"The command timed out after {_timeoutSeconds} second(s)."),
            DuckDbErrorType.Interrupt,
            new TimeoutException()),
        _ => new DuckDbException("The command was cancelled.", DuckDbErrorType.Interrupt),
    };
}
