namespace Northstar.Core.Model.Loading;

/// <summary>A derived metric's expression does not parse; <see cref="Position"/> is the 1-based character it fails at.</summary>
public sealed class MetricExpressionException : FormatException
{
    /// <summary>Creates the exception for a problem at a 1-based position of the expression.</summary>
    public MetricExpressionException(string message, int position)
        : base($"{message} at position {position}") => Position = position;

    /// <summary>Creates the exception without a position.</summary>
    public MetricExpressionException()
    {
    }

    /// <summary>Creates the exception without a position.</summary>
    public MetricExpressionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception without a position, with an inner exception.</summary>
    public MetricExpressionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The 1-based character position of the problem in the expression (0 when unknown).</summary>
    public int Position { get; }
}
