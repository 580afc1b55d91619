namespace Northstar.Server.Queries;

/// <summary>The semantic model cannot be loaded; the message says why in a sentence (model errors included).</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
