namespace Northstar.Server.Options;

/// <summary>The range check of whole-number settings, worded the same for every section.</summary>
internal static class SettingRange
{
    /// <summary>Adds a sentence to <paramref name="failures"/> when <paramref name="value"/> is outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static void Check(List<string> failures, string section, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
            failures.Add($"{section}:{setting} must be between {min:N0} and {max:N0} (it is {value:N0}).");
    }
}
