using Northstar.Core.Model;
using Northstar.Core.Model.Loading;

namespace Northstar.Core.Tests.ModelLoading;

public class MetricExpressionParserTests
{
    private static readonly MetricReference A = new("a");
    private static readonly MetricReference B = new("b");
    private static readonly MetricReference C = new("c");

    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        Assert.Equal(
            new BinaryOperation('+', A, new BinaryOperation('*', B, C)),
            MetricExpressionParser.Parse("{a} + {b} * {c}"));
        Assert.Equal(
            new BinaryOperation('-', new BinaryOperation('/', A, B), C),
            MetricExpressionParser.Parse("{a}/{b}-{c}"));
    }

    [Fact]
    public void Operators_of_the_same_precedence_associate_to_the_left()
    {
        Assert.Equal(
            new BinaryOperation('-', new BinaryOperation('-', A, B), C),
            MetricExpressionParser.Parse("{a} - {b} - {c}"));
        Assert.Equal(
            new BinaryOperation('/', new BinaryOperation('/', A, B), C),
            MetricExpressionParser.Parse("{a} / {b} / {c}"));
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        Assert.Equal(
            new BinaryOperation('/', A, new BinaryOperation('+', B, C)),
            MetricExpressionParser.Parse("{a} / ({b} + {c})"));
    }

    [Fact]
    public void Unary_minus_applies_to_the_operand_that_follows()
    {
        Assert.Equal(
            new BinaryOperation('*', new Negation(A), new NumberConstant(2m)),
            MetricExpressionParser.Parse("-{a} * 2"));
        Assert.Equal(
            new BinaryOperation('-', A, new Negation(new Negation(new NumberConstant(1.5m)))),
            MetricExpressionParser.Parse("{a} - --1.5"));
        Assert.Equal(new Negation(new BinaryOperation('+', A, B)), MetricExpressionParser.Parse("-({a} + {b})"));
    }

    [Fact]
    public void Numbers_and_references_stand_alone()
    {
        Assert.Equal(new NumberConstant(100m), MetricExpressionParser.Parse(" 100 "));
        Assert.Equal(new NumberConstant(0.25m), MetricExpressionParser.Parse("0.25"));
        Assert.Equal(new MetricReference("refund_rate_2"), MetricExpressionParser.Parse("{refund_rate_2}"));
    }

    [Fact]
    public void References_lists_each_metric_once_in_order_of_appearance()
    {
        var expression = MetricExpressionParser.Parse("({revenue} - {cost}) / {revenue} * {orders}");

        Assert.Equal(["revenue", "cost", "orders"], MetricExpressionParser.References(expression));
    }

    [Theory]
    [InlineData("{a} +", 6, "unexpected end of expression")]
    [InlineData("{a} $ {b}", 5, "unexpected '$'")]
    [InlineData("({a} + {b}", 11, "expected ')' but the expression ends")]
    [InlineData("({a} {b})", 6, "expected ')' but found '{'")]
    [InlineData("{a} {b}", 5, "unexpected '{'")]
    [InlineData("{Revenue}", 2, "'Revenue' is not a metric name")]
    [InlineData("{revenue", 1, "'{' without a closing '}'")]
    [InlineData("{a} * 1.2.3", 7, "'1.2.3' is not a number")]
    [InlineData("", 1, "unexpected end of expression")]
    [InlineData("{a} * ()", 8, "unexpected ')'")]
    public void Bad_syntax_is_reported_with_its_position(string text, int position, string message)
    {
        var error = Assert.Throws<MetricExpressionException>(() => MetricExpressionParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"at position {position}", error.Message, StringComparison.Ordinal);
    }
}
