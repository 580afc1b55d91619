using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>Reads an appender's last error with its type (<c>duckdb_appender_error_data</c>).</summary>
internal static class AppenderErrors
{
    public static DuckDbException Read(IntPtr appender, string table)
    {
        using var error = new ErrorDataHandle(NativeMethods.AppenderErrorData(appender));
        if (error.IsInvalid || !NativeMethods.ErrorDataHasError(error))
        {
            return new DuckDbException($"The appender for table '{table}' failed.");
        }

        var message = NativeMethods.ErrorDataMessage(error) ?? $"The appender for table '{table}' failed.";
        return new DuckDbException(message, NativeMethods.ErrorDataErrorType(error));
    }
}
