namespace Northstar.Server.Live;

/// <summary>A subscription that cannot be taken (no spec, a bad interval, a limit); names the field at fault.</summary>
internal sealed class LiveRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
