namespace Northstar.Warehouse;

/// <summary>The warehouse options are not usable; <see cref="Problems"/> names each setting at fault.</summary>
public sealed class WarehouseConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems <see cref="WarehouseOptions.Validate"/> found.</summary>
    public WarehouseConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    /// <summary>Creates the exception with one message.</summary>
    public WarehouseConfigurationException(string message)
        : base(message) => Problems = [message];

    /// <summary>Creates the exception with one message and its cause.</summary>
    public WarehouseConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception with no details.</summary>
    public WarehouseConfigurationException()
        : this("The warehouse options are not usable.")
    {
    }

    /// <summary>One sentence per problem, each naming the setting.</summary>
    public IReadOnlyList<string> Problems { get; }
}
