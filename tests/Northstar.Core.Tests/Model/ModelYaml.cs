using Northstar.Core.Model;
using Northstar.Core.Model.Loading;

namespace Northstar.Core.Tests.ModelLoading;

/// <summary>Small inline model documents for the parser's tests, and helpers to find lines and errors in them.</summary>
internal static class ModelYaml
{
    /// <summary>A small valid model: one subject with a join, a time dimension, dimensions, measures and a derived metric.</summary>
    public const string Sales = """
        company: { time_zone: America/Chicago }
        subjects:
          sales:
            label: Sales
            table: gold.fact_sales
            data_subject: sales
            scope: { branch: location_key }
            joins:
              product: { table: gold.dim_product, key: product_key }
            time:
              order_date: { label: Order date, date: local_date, hour: local_hour }
            dimensions:
              category: { label: Category, join: product, column: category }
              amount: { label: Amount, column: net_amount, type: number }
              quantity: { label: Quantity, column: quantity, type: integer }
            measures:
              revenue: { label: Revenue, sum: net_amount, format: currency }
              orders: { label: Orders, count_distinct: order_id }
              lines: { label: Lines, count: true }
              aov: { label: AOV, expr: "{revenue} / {orders}" }
        """;

    public static SemanticModel Parse(params string[] texts) =>
        ModelParser.Parse(texts.Select((text, i) => new ModelFile($"model/file{i + 1}.yaml", text)));

    /// <summary>The errors of an invalid model (fails when it is valid).</summary>
    public static IReadOnlyList<ModelError> Errors(params string[] texts) =>
        Assert.Throws<ModelValidationException>(() => Parse(texts)).Errors;

    /// <summary>The single error about <paramref name="member"/> (fails when there is none or several).</summary>
    public static ModelError ErrorAbout(IReadOnlyList<ModelError> errors, string member) =>
        Assert.Single(errors, e => e.Member == member);

    /// <summary>The 1-based line of the first occurrence of <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{fragment}' is not in the document");
        return text[..index].Count(c => c == '\n') + 1;
    }

    /// <summary>The document with one fragment replaced (fails when the fragment is not there).</summary>
    public static string With(this string text, string fragment, string replacement)
    {
        Assert.Contains(fragment, text, StringComparison.Ordinal);
        return text.Replace(fragment, replacement, StringComparison.Ordinal);
    }
}
