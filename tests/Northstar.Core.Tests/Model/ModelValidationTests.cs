using Northstar.Core.Model.Loading;
using static Northstar.Core.Tests.ModelLoading.ModelYaml;

namespace Northstar.Core.Tests.ModelLoading;

public class ModelValidationTests
{
    private const string File1 = "model/file1.yaml";
    private const string File2 = "model/file2.yaml";

    private const string Leads = """
        subjects:
          leads:
            label: Leads
            table: gold.fact_leads
            data_subject: pipeline
            time:
              lead_date: { label: Lead date, date: local_date }
            measures:
              leads: { label: Leads, count: true }
        """;

    [Fact]
    public void An_unknown_key_is_an_error_at_its_line_not_silently_ignored()
    {
        var text = Sales.With("sum: net_amount, format: currency", "sum: net_amount, formt: currency");

        var error = ErrorAbout(Errors(text), "subjects.sales.measures.revenue.formt");

        Assert.Equal((File1, LineOf(text, "formt")), (error.File, error.Line));
        Assert.Contains("unknown key 'formt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_errors_at_every_level()
    {
        var text = Sales
            .With("company: { time_zone: America/Chicago }", "company: { time_zone: America/Chicago, locale: en-US }\nsubject: {}")
            .With("    data_subject: sales", "    data_subject: sales\n    lable: Sales")
            .With("key: product_key }", "key: product_key, kind: left }")
            .With("date: local_date,", "date: local_date, grain: day,");

        var errors = Errors(text);

        Assert.Equal(LineOf(text, "locale: en-US"), ErrorAbout(errors, "company.locale").Line);
        Assert.Equal(LineOf(text, "subject: {}"), ErrorAbout(errors, "subject").Line);
        Assert.Equal(LineOf(text, "lable"), ErrorAbout(errors, "subjects.sales.lable").Line);
        Assert.Equal(LineOf(text, "kind: left"), ErrorAbout(errors, "subjects.sales.joins.product.kind").Line);
        Assert.Equal(LineOf(text, "grain: day"), ErrorAbout(errors, "subjects.sales.time.order_date.grain").Line);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void The_exception_message_lists_every_error_with_file_line_and_member()
    {
        var text = Sales.With("data_subject: sales", "data_subject: retail").With("sum: net_amount", "sum: Net_Amount");

        var exception = Assert.Throws<ModelValidationException>(() => Parse(text));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("2 errors", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{File1}:{LineOf(text, "retail")}: subjects.sales.data_subject: 'retail' is not a data subject", exception.Message,
            StringComparison.Ordinal);
        Assert.Contains($"{File1}:{LineOf(text, "Net_Amount")}: subjects.sales.measures.revenue.sum: 'Net_Amount' is not a column",
            exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_tables_and_columns_must_be_snake_case_identifiers()
    {
        var text = Sales
            .With("table: gold.fact_sales", "table: gold.fact_sales; drop table x")
            .With("{ table: gold.dim_product,", "{ table: dim_product,")
            .With("key: product_key", "key: \"product key\"")
            .With("category: { label: Category, join: product, column: category }",
                "Category: { label: Category, join: product, column: category }\n      tag: { label: Tag, column: tag\" or 1=1 }")
            .With("hour: local_hour", "hour: local-hour");

        var errors = Errors(text);

        Assert.Equal(LineOf(text, "drop table"), ErrorAbout(errors, "subjects.sales.table").Line);
        Assert.Equal(LineOf(text, "table: dim_product"), ErrorAbout(errors, "subjects.sales.joins.product.table").Line);
        Assert.Equal(LineOf(text, "product key"), ErrorAbout(errors, "subjects.sales.joins.product.key").Line);
        Assert.Equal(LineOf(text, "Category:"), ErrorAbout(errors, "subjects.sales.dimensions.Category").Line);
        Assert.Equal(LineOf(text, "tag\" or"), ErrorAbout(errors, "subjects.sales.dimensions.tag.column").Line);
        Assert.Equal(LineOf(text, "local-hour"), ErrorAbout(errors, "subjects.sales.time.order_date.hour").Line);
        Assert.All(errors, e => Assert.Contains("snake_case", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Subject_metric_and_rollup_names_are_unique_across_files()
    {
        var second = Leads.With("leads: { label: Leads, count: true }", "revenue: { label: Lead revenue, count: true }") + """

              sales:
                label: Sales again
                table: gold.fact_sales
                data_subject: sales
                time:
                  order_date: { label: Order date, date: local_date }
            rollups:
              daily: { subject: leads, time: lead_date, grain: day, measures: [revenue] }
            """;
        var third = "rollups:\n  daily: { subject: sales, time: order_date, grain: month, measures: [orders] }\n";

        var errors = Errors(Sales, second, third);

        var metric = ErrorAbout(errors, "subjects.leads.measures.revenue");
        Assert.Equal((File2, LineOf(second, "revenue:")), (metric.File, metric.Line));
        Assert.Contains($"already declared at {File1}:{LineOf(Sales, "revenue:")}", metric.Message, StringComparison.Ordinal);
        var subject = ErrorAbout(errors, "subjects.sales");
        Assert.Equal((File2, LineOf(second, "  sales:")), (subject.File, subject.Line));
        Assert.Contains($"already declared at {File1}:3", subject.Message, StringComparison.Ordinal);
        var rollup = ErrorAbout(errors, "rollups.daily");
        Assert.Equal(("model/file3.yaml", 2), (rollup.File, rollup.Line));
        Assert.Contains($"already declared at {File2}:{LineOf(second, "daily:")}", rollup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_repeated_in_one_mapping_is_a_yaml_error_at_its_line()
    {
        var text = Sales.With("      lines: { label: Lines, count: true }", """
                  lines: { label: Lines, count: true }
                  lines: { label: L, count: true }
            """);

        var error = Assert.Single(Errors(text));

        Assert.Equal((File1, LineOf(text, "lines: { label: L,")), (error.File, error.Line));
        Assert.Contains("Duplicate key lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joins_named_by_dimensions_and_measure_columns_must_exist()
    {
        var text = Sales
            .With("join: product, column: category", "join: products, column: category")
            .With("count_distinct: order_id", "count_distinct: customer.customer_id");

        var errors = Errors(text);

        var dimension = ErrorAbout(errors, "subjects.sales.dimensions.category.join");
        Assert.Equal(LineOf(text, "join: products"), dimension.Line);
        Assert.Contains("'products' is not a join of this subject (joins: product)", dimension.Message, StringComparison.Ordinal);
        var measure = ErrorAbout(errors, "subjects.sales.measures.orders.count_distinct");
        Assert.Equal(LineOf(text, "customer.customer_id"), measure.Line);
        Assert.Contains("'customer' is not a join", measure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_has_exactly_one_aggregation_or_expression()
    {
        var text = Sales
            .With("revenue: { label: Revenue, sum: net_amount, format: currency }", "revenue: { label: Revenue, format: currency }")
            .With("count_distinct: order_id }", "count_distinct: order_id, sum: quantity }")
            .With("lines: { label: Lines, count: true }", "lines: { label: Lines, count: false }");

        var errors = Errors(text);

        Assert.Equal(LineOf(text, "revenue:"), ErrorAbout(errors, "subjects.sales.measures.revenue").Line);
        Assert.Contains("found sum and count_distinct", ErrorAbout(errors, "subjects.sales.measures.orders").Message,
            StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "count: false"), ErrorAbout(errors, "subjects.sales.measures.lines.count").Line);
    }

    [Fact]
    public void The_default_time_dimension_must_be_one_of_several()
    {
        var none = Sales.With("      order_date: { label: Order date, date: local_date, hour: local_hour }",
            "      order_date: { label: Order date, date: local_date }\n      ship_date: { label: Ship date, date: ship_date }");
        var two = none
            .With("date: local_date }", "date: local_date, default: true }")
            .With("date: ship_date }", "date: ship_date, default: true }");
        var empty = Sales.With("      order_date: { label: Order date, date: local_date, hour: local_hour }\n", "");

        Assert.Contains("default: true", ErrorAbout(Errors(none), "subjects.sales.time").Message, StringComparison.Ordinal);
        Assert.Contains("order_date and ship_date", ErrorAbout(Errors(two), "subjects.sales.time").Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(empty, "time:"), ErrorAbout(Errors(empty), "subjects.sales.time").Line);
    }

    [Fact]
    public void Derived_metrics_must_parse_and_reference_existing_metrics()
    {
        var text = Sales.With("expr: \"{revenue} / {orders}\"", "expr: \"{revenue} / {order}\"") + """

            metrics:
              broken: { label: Broken, expr: "{revenue} * (2 + {orders}" }
            """;

        var errors = Errors(text);

        var reference = ErrorAbout(errors, "subjects.sales.measures.aov.expr");
        Assert.Equal(LineOf(text, "{order}"), reference.Line);
        Assert.Contains("'{order}' is not a metric", reference.Message, StringComparison.Ordinal);
        var syntax = ErrorAbout(errors, "metrics.broken.expr");
        Assert.Equal(LineOf(text, "broken:"), syntax.Line);
        Assert.Contains("expected ')' but the expression ends at position 26", syntax.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_that_depend_on_themselves_are_reported_with_the_cycle()
    {
        var text = Sales + """

            metrics:
              a: { label: A, expr: "{b} + {revenue}" }
              b: { label: B, expr: "{c} * 2" }
              c: { label: C, expr: "{a} / {orders}" }
              selfish: { label: Self, expr: "-{selfish}" }
              fine: { label: Fine, expr: "{aov} - {a}" }
            """;

        var errors = Errors(text);

        Assert.Equal(2, errors.Count);
        var cycle = ErrorAbout(errors, "metrics.a.expr");
        Assert.Equal(LineOf(text, "a: {"), cycle.Line);
        Assert.Contains("a → b → c → a", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("selfish → selfish", ErrorAbout(errors, "metrics.selfish.expr").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_conditions_name_dimensions_of_the_subject_with_fitting_ops_and_values()
    {
        var text = Sales.With("      lines: { label: Lines, count: true }", """
                  lines:
                    label: Lines
                    count: true
                    where:
                      - { member: colour, op: equals, values: [red] }
                      - { member: category, op: like, values: [Paint] }
                      - { member: amount, op: between, values: [1] }
                      - { member: category, op: is_null, values: [Paint] }
                      - { member: category, op: in, values: [] }
                      - { member: amount, op: contains, values: ["1"] }
                      - { member: quantity, op: equals, values: [two] }
                      - { member: category, op: equals, values: [Paint, Tools] }
                      - { member: revenue, op: gt, values: [1] }
            """);

        var errors = Errors(text);

        string Message(int index) => ErrorAbout(errors, $"subjects.sales.measures.lines.where[{index}]{Suffix(index)}").Message;
        static string Suffix(int index) => index switch { 0 or 8 => ".member", 1 or 5 => ".op", 6 => ".values[0]", _ => ".values" };
        Assert.Contains("'colour' is not a dimension of this subject", Message(0), StringComparison.Ordinal);
        Assert.Contains("'like' is not one of", Message(1), StringComparison.Ordinal);
        Assert.Contains("'between' takes exactly two values, not 1", Message(2), StringComparison.Ordinal);
        Assert.Contains("'is_null' takes no values, not 1", Message(3), StringComparison.Ordinal);
        Assert.Contains("'in' takes at least one value, not 0", Message(4), StringComparison.Ordinal);
        Assert.Contains("'contains' does not apply to the number dimension 'amount'", Message(5), StringComparison.Ordinal);
        Assert.Contains("'two' is not a valid integer", Message(6), StringComparison.Ordinal);
        Assert.Contains("'equals' takes exactly one value, not 2", Message(7), StringComparison.Ordinal);
        Assert.Contains("'revenue' is not a dimension", Message(8), StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "member: colour"), ErrorAbout(errors, "subjects.sales.measures.lines.where[0].member").Line);
        Assert.Equal(LineOf(text, "values: [two]"), ErrorAbout(errors, "subjects.sales.measures.lines.where[6].values[0]").Line);
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void Segments_are_checked_like_filtered_measures()
    {
        var text = Sales + """

                segments:
                  nothing: { label: Nothing, where: [] }
                  odd: { label: Odd, where: [ { member: amount, op: starts_with, values: [x] } ] }
            """;

        var errors = Errors(text);

        Assert.Equal(LineOf(text, "nothing:"), ErrorAbout(errors, "subjects.sales.segments.nothing.where").Line);
        Assert.Equal(LineOf(text, "odd:"), ErrorAbout(errors, "subjects.sales.segments.odd.where[0].op").Line);
    }

    [Fact]
    public void Rollups_name_a_subject_its_time_dimension_dimensions_and_measures()
    {
        var rollups = """
            rollups:
              no_subject: { subject: salez, time: order_date, grain: day, measures: [revenue] }
              wrong_members:
                subject: sales
                time: lead_date
                grain: week
                dimensions: [category, region, category]
                measures: [revenue, aov, leads, bookings]
              by_hour: { subject: leads, time: lead_date, grain: hour, measures: [leads] }
              bad_grain: { subject: leads, time: lead_date, grain: fortnight, measures: [leads] }
              by_week: { subject: leads, time: lead_date, grain: week, measures: [leads] }
              distinct: { subject: sales, time: order_date, grain: day, measures: [orders] }
            """;

        var errors = Errors(Sales, Leads + "\n" + rollups);

        void Says(string member, string message) => Assert.Contains(message, ErrorAbout(errors, member).Message, StringComparison.Ordinal);
        var at = ErrorAbout(errors, "rollups.no_subject.subject");
        Assert.Equal((File2, LineOf(Leads + "\n" + rollups, "salez")), (at.File, at.Line));
        Says("rollups.wrong_members.time", "'lead_date' is not a time dimension of subject 'sales'");
        Says("rollups.wrong_members.dimensions[1]", "'region' is not a dimension");
        Says("rollups.wrong_members.dimensions[2]", "listed twice");
        Says("rollups.wrong_members.measures[1]", "'aov' is a derived metric");
        Says("rollups.wrong_members.measures[2]", "'leads' is a measure of subject 'leads', not of 'sales'");
        Says("rollups.wrong_members.measures[3]", "'bookings' is not a metric");
        Says("rollups.by_hour.grain", "no hour column");
        Says("rollups.bad_grain.grain", "'fortnight' is not one of");
        Says("rollups.by_week.grain", "a rollup is by day or by hour");
        Says("rollups.distinct.measures[0]", "'orders' is a distinct count");
        Assert.Equal(11, errors.Count);
    }

    [Fact]
    public void An_invalid_declaration_is_reported_once_not_again_where_it_is_used()
    {
        var text = Sales.With("sum: net_amount, format: currency", "sume: net_amount")
            + "\nrollups:\n  daily: { subject: sales, time: order_date, grain: day, measures: [revenue] }\n";

        var errors = Errors(text);

        Assert.All(errors, e => Assert.StartsWith("subjects.sales.measures.revenue", e.Member, StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Central Standard Time")]
    [InlineData("\"\"")]
    public void The_company_time_zone_must_be_an_iana_zone(string zone)
    {
        var text = Sales.With("time_zone: America/Chicago", $"time_zone: {zone}");

        var error = Assert.Single(Errors(text));

        Assert.Equal((File1, 1, "company.time_zone"), (error.File, error.Line, error.Member));
    }

    [Fact]
    public void The_company_currency_is_usd_unless_the_model_names_another()
    {
        Assert.Equal("USD", Parse(Sales).Currency);
        Assert.Equal("EUR", Parse(Sales.With("time_zone: America/Chicago", "time_zone: America/Chicago, currency: EUR")).Currency);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("DOLLAR")]
    [InlineData("\"$\"")]
    public void The_company_currency_must_be_an_iso_code(string currency)
    {
        var text = Sales.With("time_zone: America/Chicago", $"time_zone: America/Chicago, currency: {currency}");

        var error = Assert.Single(Errors(text));

        Assert.Equal((File1, 1, "company.currency"), (error.File, error.Line, error.Member));
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_company_is_declared_exactly_once()
    {
        var withoutCompany = Sales.With("company: { time_zone: America/Chicago }\n", "");

        var missing = Assert.Single(Errors(withoutCompany));
        Assert.Equal((File1, "company"), (missing.File, missing.Member));
        var twice = Assert.Single(Errors(Sales, "company:\n  time_zone: Europe/Paris\n"));
        Assert.Equal((File2, 1, "company"), (twice.File, twice.Line, twice.Member));
        Assert.Contains($"already declared at {File1}:1", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_cannot_share_its_name_with_a_dimension()
    {
        var text = Sales.With("      lines: { label: Lines, count: true }", "      category: { label: Lines, count: true }");

        var error = ErrorAbout(Errors(text), "subjects.sales.measures.category");

        Assert.Equal(LineOf(text, "category: { label: Lines"), error.Line);
        Assert.Contains("also a dimension of subject 'sales'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conformed_dimension_has_the_same_type_in_every_subject()
    {
        var leads = Leads.With("    time:", "    dimensions:\n      amount: { label: Amount, column: amount }\n    time:");

        var error = Assert.Single(Errors(Sales, leads));

        Assert.Equal((File2, "subjects.leads.dimensions.amount"), (error.File, error.Member));
        Assert.Contains("string here but number in subject 'sales'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line()
    {
        var text = Sales.With("count_distinct: order_id }", "count_distinct: order_id");

        var error = Assert.Single(Errors(text));

        Assert.Equal(File1, error.File);
        Assert.InRange(error.Line, LineOf(text, "orders:"), LineOf(text, "lines:"));
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_members_are_reported_at_their_declaration()
    {
        var text = Sales.With("amount: { label: Amount, column: net_amount, type: number }", "amount: { column: net_amount, type: money }");

        var errors = Errors(text);

        Assert.Contains("'label' is required", ErrorAbout(errors, "subjects.sales.dimensions.amount").Message, StringComparison.Ordinal);
        Assert.Contains("'money' is not one of: string, integer", ErrorAbout(errors, "subjects.sales.dimensions.amount.type").Message,
            StringComparison.Ordinal);
    }
}
