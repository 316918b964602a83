using Refinery.Catalog.Schema;

namespace Refinery.Catalog.Migrations.PostgreSql;

/// <summary>The catalog model on PostgreSQL, for <c>dotnet ef</c>.</summary>
public sealed class PostgreSqlDesignTimeCatalogFactory() : DesignTimeCatalogFactory(CatalogDatabase.PostgreSql("Host=localhost;Database=refinery_design_time"));
