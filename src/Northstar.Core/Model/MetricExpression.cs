namespace Northstar.Core.Model;

/// <summary>The parsed expression of a derived metric: metric references, numbers, + - * / and parentheses.</summary>
public abstract record MetricExpression;

/// <summary>A reference to another metric, <c>{name}</c>.</summary>
public sealed record MetricReference(string Metric) : MetricExpression;

/// <summary>A numeric constant.</summary>
public sealed record NumberConstant(decimal Value) : MetricExpression;

/// <summary>A binary operation; <c>/</c> yields null when the divisor is zero.</summary>
public sealed record BinaryOperation(char Operator, MetricExpression Left, MetricExpression Right) : MetricExpression;

/// <summary>Unary minus.</summary>
public sealed record Negation(MetricExpression Operand) : MetricExpression;
