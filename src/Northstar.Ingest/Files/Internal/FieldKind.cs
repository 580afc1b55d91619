namespace Northstar.Ingest.Files.Internal;

/// <summary>The JSON value a wire field takes, and so how a CSV cell is converted to it.</summary>
internal enum FieldKind
{
    Text,
    Integer,
    Decimal,
    Boolean,
    Instant,
    Date,
}
