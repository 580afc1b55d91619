namespace Northstar.Ingest.Files.Internal;

/// <summary>A file column bound to a wire field.</summary>
internal sealed record CsvBinding(FieldSpec Field, int Column, string ColumnName, bool Nested);
