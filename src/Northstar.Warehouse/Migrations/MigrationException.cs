namespace Northstar.Warehouse.Migrations;

/// <summary>Migrating the warehouse failed, or what is applied does not match what this build ships.</summary>
public sealed class MigrationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public MigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public MigrationException()
        : base("Migrating the warehouse failed.")
    {
    }
}
