using System.Diagnostics;

namespace Northstar.DuckDb.Tests;

/// <summary>Measures process memory, so it runs alone: other tests' allocations would blur the working set.</summary>
[CollectionDefinition(nameof(StreamingTests), DisableParallelization = true)]
[Collection(nameof(StreamingTests))]
public sealed class StreamingTests
{
    [Fact]
    public void Ten_million_rows_stream_with_flat_memory()
    {
        using var connection = Sql.OpenMemory();
        using var command = Sql.Command(connection, "select i, 'value number ' || i as label from range(10000000) t(i)");
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peakHeapGrowth = 0;
        long peakWorkingSetGrowth = 0;

        long rows = 0;
        long sum = 0;
        long labelBytes = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                sum += reader.GetInt64(0);
                labelBytes += reader.GetString(1).Length;
                if (++rows % 1_000_000 == 0)
                {
                    process.Refresh();
                    peakHeapGrowth = Math.Max(peakHeapGrowth, GC.GetTotalMemory(forceFullCollection: false) - heapBefore);
                    peakWorkingSetGrowth = Math.Max(peakWorkingSetGrowth, process.WorkingSet64 - workingSetBefore);
                }
            }
        }

        Assert.Equal(10_000_000, rows);
        Assert.Equal(49_999_995_000_000L, sum);
        Assert.True(labelBytes > 150_000_000, "every label was read");

        // Materialising 10M rows of (bigint, varchar) takes well over 500 MB; streaming keeps one chunk alive.
        Assert.True(peakHeapGrowth < 100_000_000, $"managed heap grew by {peakHeapGrowth:N0} bytes");
        Assert.True(peakWorkingSetGrowth < 100_000_000, $"working set grew by {peakWorkingSetGrowth:N0} bytes");
    }

    [Fact]
    public void Rows_of_a_large_result_arrive_in_order_across_chunk_boundaries()
    {
        using var connection = Sql.OpenMemory();
        using var command = Sql.Command(connection, "select i, case when i % 3 = 0 then null else i end from range(10000) t(i) order by i");
        using var reader = command.ExecuteReader();
        var expected = 0L;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal(expected % 3 == 0, reader.IsDBNull(1));
            expected++;
        }

        Assert.Equal(10000, expected);
    }
}
