namespace Northstar.Core.Model.Loading;

/// <summary>
/// The identifiers the model may contain. Every name, table and column of the model is one of these, so nothing but
/// plain snake_case words can ever reach SQL from the model.
/// </summary>
public static class Identifiers
{
    /// <summary>Whether <paramref name="text"/> is a snake_case identifier: <c>[a-z][a-z0-9_]*</c>.</summary>
    public static bool IsIdentifier(string? text)
    {
        if (string.IsNullOrEmpty(text) || !char.IsAsciiLetterLower(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a schema-qualified table name: two identifiers joined by a dot.</summary>
    public static bool IsTableName(string? text)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && IsIdentifier(text![..dot]) && IsIdentifier(text[(dot + 1)..]);
    }
}
