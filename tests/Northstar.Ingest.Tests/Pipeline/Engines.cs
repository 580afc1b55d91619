namespace Northstar.Ingest.Tests.Pipeline;

/// <summary>Runs one scenario on a fresh warehouse of the given engine, and cleans up after it.</summary>
public static class Engines
{
    public static async Task OnDuckDbAsync(Func<PipelineWarehouse, Task> scenario)
    {
        await using var warehouse = await PipelineWarehouse.DuckDbAsync();
        await scenario(warehouse);
    }

    public static async Task OnPostgresAsync(Func<PipelineWarehouse, Task> scenario)
    {
        await using var warehouse = await PipelineWarehouse.PostgresAsync();
        await scenario(warehouse);
    }
}
