namespace Northstar.Server.Tests.Ingest;

/// <summary>The warehouse engine an ingest test runs the app on.</summary>
public enum TestEngine
{
    DuckDb,
    Postgres,
}
