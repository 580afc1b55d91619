namespace Northstar.Ingest.Files;

/// <summary>What an import does when some rows of the file are bad.</summary>
public enum BadRowPolicy
{
    /// <summary>Import nothing when any row is bad (the default): the file is fixed and imported again.</summary>
    Fail,

    /// <summary>Import the good rows and report the bad ones.</summary>
    Skip,
}
