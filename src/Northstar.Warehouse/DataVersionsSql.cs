namespace Northstar.Warehouse;

/// <summary>The statement that reads app.data_versions, the same on both engines.</summary>
internal static class DataVersionsSql
{
    public const string Read = "select subject, version from app.data_versions";
}
