using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Refinery.Catalog.Schema;

/// <summary>
/// Adopts a catalog that a release from before migrations made with <c>EnsureCreated</c> (tables, but no migrations
/// history): adds what the first migration creates and the catalog lacks (tables, columns and indexes of later
/// releases), drops the indexes an earlier model had and the first migration has not, and records the first
/// migration as applied, all in one transaction. Migrating then goes on from there as on any migrated catalog.
/// </summary>
internal static class EnsureCreatedCatalogAdoption
{
    public static async Task AdoptAsync(CatalogContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var schema = await CatalogSchema.ReadAsync(db, cancellationToken);
        var (initialId, initial) = FirstMigration(db);
        var tables = initial.UpOperations.OfType<CreateTableOperation>().Select(table => table.Name).ToHashSet(StringComparer.Ordinal);
        if (schema.Tables.Contains(HistoryRepository.DefaultTableName) || !tables.Overlaps(schema.Tables))
        {
            // Migrated already, or a new database that migrating creates from scratch.
            return;
        }

        var model = initial.TargetModel is null ? null : db.GetService<IModelRuntimeInitializer>().Initialize(initial.TargetModel);
        var connection = db.GetService<IRelationalConnection>();
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(MissingOperations(initial.UpOperations, tables, schema), model))
        {
            await command.ExecuteNonQueryAsync(connection, cancellationToken: cancellationToken);
        }

        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static (string Id, Migration Migration) FirstMigration(CatalogContext db)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        if (migrations.Migrations.Count == 0)
        {
            throw new InvalidOperationException($"No catalog migrations found for {db.Database.ProviderName}: is {migrations.Assembly?.GetName().Name ?? "its migrations assembly"} deployed beside Refinery?");
        }

        var (id, type) = migrations.Migrations.MinBy(migration => migration.Key, StringComparer.Ordinal);
        return (id, migrations.CreateMigration(type, db.Database.ProviderName!));
    }

    private static List<MigrationOperation> MissingOperations(IReadOnlyList<MigrationOperation> initial, HashSet<string> tables, CatalogSchema schema)
    {
        var missing = new List<MigrationOperation>();
        var indexes = new HashSet<SchemaMember>();
        foreach (var operation in initial)
        {
            switch (operation)
            {
                case CreateTableOperation table when !schema.Tables.Contains(table.Name):
                    missing.Add(table);
                    break;
                case CreateTableOperation table:
                    missing.AddRange(table.Columns.Where(column => !schema.HasColumn(table.Name, column.Name)).Select(FilledForExistingRows));
                    break;
                case CreateIndexOperation index:
                    indexes.Add(new(index.Table, index.Name));
                    if (!schema.HasIndex(index.Table, index.Name))
                    {
                        missing.Add(index);
                    }

                    break;
                default:
                    throw new NotSupportedException(
                        $"Adopting a catalog made before migrations knows the tables and indexes the first migration creates, not its {operation.GetType().Name}.");
            }
        }

        // EF Core names the indexes it makes IX_…; one of those the first migration does not make is from an earlier model.
        missing.AddRange(schema.Indexes
            .Where(index => tables.Contains(index.Table) && index.Name.StartsWith("IX_", StringComparison.Ordinal) && !indexes.Contains(index))
            .Select(index => new DropIndexOperation { Name = index.Name, Table = index.Table }));
        return missing;
    }

    /// <summary>
    /// A column added to a table that has rows needs a value for them: the CLR default, which is what the release that
    /// wrote those rows meant (no added samples, the first pass, nothing processed yet).
    /// </summary>
    private static AddColumnOperation FilledForExistingRows(AddColumnOperation column)
    {
        if (!column.IsNullable && column.DefaultValue is null && column.DefaultValueSql is null)
        {
            column.DefaultValue = column.ClrType == typeof(string) ? "" : Activator.CreateInstance(column.ClrType);
        }

        return column;
    }
}
