using Northstar.DuckDb.Native;

namespace Northstar.DuckDb.Internal;

/// <summary>The count of changed rows that INSERT, UPDATE and DELETE return as their one-row, one-column result.</summary>
internal static unsafe class ResultRows
{
    public static bool IsChangedRows(ResultHandle result) =>
        NativeMethods.ResultReturnType(*result.Pointer) == DuckDbResultType.ChangedRows;

    /// <summary>
    /// Reads the count from the result's first chunk (<c>duckdb_rows_changed</c> does not work on a streaming result).
    /// </summary>
    public static long ReadChangedRows(ResultHandle result, CommandExecution execution)
    {
        var pointer = NativeMethods.FetchChunk(*result.Pointer);
        if (pointer == IntPtr.Zero)
        {
            var error = NativeMethods.ResultError(result.Pointer);
            return error is null ? 0 : throw execution.Failure(error, NativeMethods.ResultErrorType(result.Pointer));
        }

        using var chunk = new DataChunkHandle(pointer, result);
        if (NativeMethods.DataChunkGetSize(pointer) == 0)
        {
            return 0;
        }

        return *(long*)NativeMethods.VectorGetData(NativeMethods.DataChunkGetVector(pointer, 0));
    }
}
