namespace Refinery.Catalog;

/// <summary>The database engines the catalog runs on.</summary>
public enum CatalogProvider
{
    Sqlite,
    PostgreSql,
}
