using Refinery.Catalog.Schema;

namespace Refinery.Catalog.Migrations.Sqlite;

/// <summary>The catalog model on SQLite, for <c>dotnet ef</c>.</summary>
public sealed class SqliteDesignTimeCatalogFactory() : DesignTimeCatalogFactory(CatalogDatabase.SqliteFile("design-time-catalog.db"));
