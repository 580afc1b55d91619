using Northstar.Core;

namespace Northstar.Ingest.Transform;

/// <summary>
/// Renders the transform SQL, written once in the dialect both engines share, for one engine. Only a few constructs
/// differ and are written as tokens: <c>{items(x)}</c> (the elements of a JSON array), <c>{seconds(a, b)}</c> and
/// <c>{days(a, b)}</c> (whole seconds or days from a to b).
/// </summary>
internal static class Dialect
{
    public static string Render(string sql, SqlDialect dialect)
    {
        var rendered = dialect == SqlDialect.DuckDb
            ? Replace(sql, "items", args => $"unnest(cast({args[0]} as json[]))")
            : Replace(sql, "items", args => $"jsonb_array_elements({args[0]})");
        rendered = dialect == SqlDialect.DuckDb
            ? Replace(rendered, "seconds", args => $"date_diff('second', {args[0]}, {args[1]})")
            : Replace(rendered, "seconds", args => $"cast(extract(epoch from ({args[1]} - {args[0]})) as bigint)");
        return Replace(rendered, "days", args => $"cast(cast({args[1]} as date) - cast({args[0]} as date) as integer)");
    }

    // Tokens take arguments separated by top-level commas; arguments may contain parentheses.
    private static string Replace(string sql, string token, Func<string[], string> render)
    {
        var open = "{" + token + "(";
        var result = new System.Text.StringBuilder(sql.Length);
        var position = 0;
        while (true)
        {
            var start = sql.IndexOf(open, position, StringComparison.Ordinal);
            if (start < 0)
                break;
            result.Append(sql, position, start - position);
            var depth = 0;
            var args = new List<string>();
            var argStart = start + open.Length;
            var i = argStart;
            for (; ; i++)
            {
                var c = sql[i];
                if (c == '(')
                    depth++;
                else if (c == ')' && depth > 0)
                    depth--;
                else if (c == ',' && depth == 0)
                {
                    args.Add(sql[argStart..i].Trim());
                    argStart = i + 1;
                }
                else if (c == ')' && depth == 0)
                    break;
            }

            args.Add(sql[argStart..i].Trim());
            result.Append(render([.. args]));
            position = i + 2; // past ")}"
        }

        return result.Append(sql, position, sql.Length - position).ToString();
    }
}
