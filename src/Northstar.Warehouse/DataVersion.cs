namespace Northstar.Warehouse;

/// <summary>
/// A subject's data version and when it was bumped. The time tells two warehouses apart whose versions happen to be
/// equal, so caches shared across warehouses (a Redis used by staging and production) never mix their answers.
/// </summary>
/// <param name="Version">Bumped by every load that changes the subject; 0 when it never changed.</param>
/// <param name="ChangedAtTicks">The bump's time, in ticks (UTC); 0 when it never changed.</param>
public readonly record struct DataVersion(long Version, long ChangedAtTicks);
