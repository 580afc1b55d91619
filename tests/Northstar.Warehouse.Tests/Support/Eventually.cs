namespace Northstar.Warehouse.Tests.Support;

/// <summary>Polls a condition that depends on another process (WAL replay) until it holds or a deadline passes.</summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await condition())
                return true;
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(50);
        }
    }
}
