using Microsoft.EntityFrameworkCore;

namespace Refinery.Catalog.Schema;

/// <summary>The tables, columns and indexes a catalog database has now, read from SQLite's or PostgreSQL's own catalog.</summary>
public sealed class CatalogSchema
{
    private readonly HashSet<SchemaMember> _columns;
    private readonly HashSet<SchemaMember> _indexes;

    private CatalogSchema(HashSet<SchemaMember> columns, HashSet<SchemaMember> indexes)
    {
        _columns = columns;
        _indexes = indexes;
        Tables = columns.Select(column => column.Table).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Tables { get; }

    public IReadOnlySet<SchemaMember> Columns => _columns;

    public IReadOnlySet<SchemaMember> Indexes => _indexes;

    public bool HasColumn(string table, string column) => _columns.Contains(new(table, column));

    public bool HasIndex(string table, string index) => _indexes.Contains(new(table, index));

    /// <summary>Reads the schema in the context's current transaction, if any.</summary>
    public static async Task<CatalogSchema> ReadAsync(CatalogContext db, CancellationToken cancellationToken)
    {
        var (columnsSql, indexesSql) = db.Database.IsNpgsql()
            ? ("""
               SELECT table_name AS "Table", column_name AS "Name" FROM information_schema.columns
               WHERE table_schema = current_schema()
               """,
               """
               SELECT tablename AS "Table", indexname AS "Name" FROM pg_indexes WHERE schemaname = current_schema()
               """)
            : ("""
               SELECT m.name AS "Table", c.name AS "Name" FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c
               WHERE m.type = 'table'
               """,
               """
               SELECT tbl_name AS "Table", name AS "Name" FROM sqlite_master WHERE type = 'index'
               """);
        var columns = await db.Database.SqlQueryRaw<SchemaMember>(columnsSql).ToListAsync(cancellationToken);
        var indexes = await db.Database.SqlQueryRaw<SchemaMember>(indexesSql).ToListAsync(cancellationToken);
        return new([.. columns], [.. indexes]);
    }
}
