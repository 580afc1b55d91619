namespace Northstar.Warehouse.Migrations;

/// <summary>One versioned migration file shipped with this build.</summary>
/// <param name="Version">The zero-padded version, e.g. <c>0001</c>; migrations apply in this order.</param>
/// <param name="Name">The rest of the file name, e.g. <c>foundation</c>.</param>
/// <param name="Sql">The statements, applied in one transaction.</param>
/// <param name="Checksum">SHA-256 of the statements (line endings normalised), recorded when applied.</param>
internal sealed record Migration(string Version, string Name, string Sql, string Checksum);
