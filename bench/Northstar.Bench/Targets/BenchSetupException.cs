namespace Northstar.Bench.Targets;

/// <summary>The harness cannot run as asked (an engine is not configured); the message says what to do.</summary>
internal sealed class BenchSetupException : Exception
{
    public BenchSetupException(string message)
        : base(message)
    {
    }

    public BenchSetupException()
    {
    }

    public BenchSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
