namespace Refinery.Catalog.Schema;

/// <summary>A column or an index of a table, as the database's own catalog lists it.</summary>
public sealed record SchemaMember(string Table, string Name);
