using Microsoft.EntityFrameworkCore;
using Refinery.Api.Authentication;
using Refinery.Catalog;

namespace Refinery.IntegrationTests.Catalog;

/// <summary>
/// A catalog as a release from before migrations left it: the schema its <c>EnsureCreated</c> made (see
/// <c>LegacySchemas/README.md</c>) and a project, its token, and a finished validation task with two results.
/// </summary>
internal static class LegacyCatalog
{
    public const string ProjectId = "0123456789abcdef0123456789abcdef";
    public const string Token = "token-from-an-earlier-release";
    public const string TaskId = "LegacyTask000000001";
    public const string VersionId = "LegacyVersion000001";

    private const string Template = """'{"id":"sys_data_validation"}'""";
    private const string Inputs = """'[{"type":"OBS","source":"obs://imgs/legacy/"}]'""";
    private const string WorkPath = """'{"type":"OBS","path":"obs://imgs/out-legacy/"}'""";

    // Values as SQL literals both SQLite and PostgreSQL take; a release's rows have the columns its schema has.
    private static readonly (string Table, Dictionary<string, string> Values)[] _rows =
    [
        ("projects", new() { ["ProjectId"] = $"'{ProjectId}'", ["Name"] = "'default'", ["CreateTime"] = "1700000000000" }),
        ("api_tokens", new() { ["TokenHash"] = $"'{TokenHasher.Hash(Token)}'", ["ProjectId"] = $"'{ProjectId}'", ["CreateTime"] = "1700000000000", ["ExpiresAt"] = "NULL" }),
        ("processor_tasks", new()
        {
            ["TaskId"] = $"'{TaskId}'", ["ProjectId"] = $"'{ProjectId}'", ["WorkspaceId"] = "'0'", ["Name"] = "'legacy-validation'",
            ["Description"] = "''", ["TemplateId"] = "'sys_data_validation'", ["TemplateJson"] = Template, ["InputsJson"] = Inputs,
            ["UsedDataSource"] = "FALSE", ["WorkPathJson"] = WorkPath, ["DatasetVersionId"] = "NULL", ["DatasetVersionName"] = "NULL",
            ["InputKey"] = "'OBS:obs://imgs/legacy/:'", ["SourceType"] = "'OBS'", ["Source"] = "'obs://imgs/legacy/'",
            ["CreateTime"] = "1700000000000", ["VersionCount"] = "1", ["LastVersionSequence"] = "1", ["LatestVersionId"] = $"'{VersionId}'",
            ["Status"] = "2", ["StartTime"] = "1700000000000", ["DurationSeconds"] = "3", ["ErrorMsg"] = "NULL", ["ResultJson"] = "NULL",
        }),
        ("task_versions", new()
        {
            ["VersionId"] = $"'{VersionId}'", ["TaskId"] = $"'{TaskId}'", ["ProjectId"] = $"'{ProjectId}'", ["VersionName"] = "'V001'",
            ["Sequence"] = "1", ["Description"] = "''", ["TemplateJson"] = Template, ["InputsJson"] = Inputs, ["WorkPathJson"] = WorkPath,
            ["Status"] = "2", ["CreateTime"] = "1700000000000", ["UpdateTime"] = "1700000003000", ["StartTime"] = "1700000000000",
            ["EndTime"] = "1700000003000", ["DurationSeconds"] = "3", ["ErrorMsg"] = "NULL", ["ResultJson"] = "NULL",
            ["OriginSampleCount"] = "2", ["AddSampleCount"] = "0", ["DeletedSampleCount"] = "1", ["ModifiedSampleCount"] = "0",
            ["UnmodifiedSampleCount"] = "1", ["ProcessedSamples"] = "2", ["TotalSamples"] = "2", ["ShardCount"] = "1", ["Pass"] = "0",
            ["ReduceEnqueued"] = "TRUE", ["HeartbeatAt"] = "1700000003000",
        }),
        ("shards", new()
        {
            ["VersionId"] = $"'{VersionId}'", ["ShardIndex"] = "0", ["SampleCount"] = "2", ["ProcessedSamples"] = "2", ["Pass"] = "0",
            ["Done"] = "TRUE", ["Attempts"] = "1", ["CompletedAt"] = "1700000003000",
        }),
        .. new[] { ("a", "0", "'obs://imgs/out-legacy/a.jpg'", "0"), ("b", "1", "NULL", "2") }.Select(sample => ("sample_results", new Dictionary<string, string>
        {
            ["VersionId"] = $"'{VersionId}'", ["SampleId"] = $"'{sample.Item1.PadLeft(32, '0')}'", ["Ordinal"] = sample.Item2,
            ["AddedIndex"] = "0", ["OriginSource"] = $"'obs://imgs/legacy/{sample.Item1}.jpg'", ["NewSource"] = sample.Item3,
            ["ResultProperty"] = sample.Item4, ["DescriptionJson"] = "'[]'", ["ValuesJson"] = "NULL",
        })),
    ];

    /// <summary>Makes the catalog of <paramref name="release"/> (a commit named in <c>LegacySchemas</c>) in an empty database.</summary>
    public static async Task CreateAsync(CatalogDatabase database, string release)
    {
        var provider = database.Provider == CatalogProvider.Sqlite ? "sqlite" : "postgresql";
        await ExecuteAsync(database, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalog", "LegacySchemas", $"{provider}-{release}.sql")));
        var schema = await CatalogFactories.SchemaOfAsync(database);
        await ExecuteAsync(database, string.Concat(_rows.Select(row =>
        {
            var columns = row.Values.Keys.Where(column => schema.Columns.Contains(new(row.Table, column))).ToList();
            return $"""INSERT INTO {row.Table} ("{string.Join("\", \"", columns)}") VALUES ({string.Join(", ", columns.Select(column => row.Values[column]))});""" + "\n";
        })));
    }

    // Through the connection itself: the rows' JSON braces are not format placeholders.
    private static async Task ExecuteAsync(CatalogDatabase database, string sql)
    {
        await using var db = await CatalogFactories.For(database).CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
