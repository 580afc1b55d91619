namespace Northstar.Core.Model.Loading;

/// <summary>
/// A metric declaration as read from a file: its name and node, the metric (null when the declaration is invalid,
/// which has been reported), and the node of its expression for derived metrics.
/// </summary>
internal sealed record DeclaredMetric(string Name, ModelNode Node, Metric? Metric, ModelNode? Expression);
