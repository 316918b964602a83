using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Refinery.Catalog.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_keys",
                columns: table => new
                {
                    AccessKey = table.Column<string>(type: "text", nullable: false),
                    SecretKey = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_keys", x => x.AccessKey);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "dataset_versions",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "text", nullable: false),
                    DatasetId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PreviousVersionId = table.Column<string>(type: "text", nullable: true),
                    ManifestPath = table.Column<string>(type: "text", nullable: false),
                    DataPath = table.Column<string>(type: "text", nullable: false),
                    TotalSampleCount = table.Column<int>(type: "integer", nullable: false),
                    AnnotatedSampleCount = table.Column<int>(type: "integer", nullable: false),
                    LabelStatsJson = table.Column<string>(type: "text", nullable: true),
                    AddSampleCount = table.Column<int>(type: "integer", nullable: false),
                    DeletedSampleCount = table.Column<int>(type: "integer", nullable: false),
                    ModifiedSampleCount = table.Column<int>(type: "integer", nullable: false),
                    ProcessorTaskId = table.Column<string>(type: "text", nullable: true),
                    ProcessorTaskStatus = table.Column<int>(type: "integer", nullable: true),
                    DataValidated = table.Column<bool>(type: "boolean", nullable: false),
                    AnalysisStatus = table.Column<int>(type: "integer", nullable: false),
                    AnalysisTaskId = table.Column<string>(type: "text", nullable: true),
                    DataAnalysisJson = table.Column<string>(type: "text", nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_versions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    DatasetId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    DatasetType = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DataPath = table.Column<string>(type: "text", nullable: false),
                    WorkPath = table.Column<string>(type: "text", nullable: false),
                    ImportTaskId = table.Column<string>(type: "text", nullable: false),
                    ErrorMsg = table.Column<string>(type: "text", nullable: true),
                    CurrentVersionId = table.Column<string>(type: "text", nullable: true),
                    CurrentVersionName = table.Column<string>(type: "text", nullable: true),
                    VersionCount = table.Column<int>(type: "integer", nullable: false),
                    NextVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    TotalSampleCount = table.Column<int>(type: "integer", nullable: false),
                    AnnotatedSampleCount = table.Column<int>(type: "integer", nullable: false),
                    LabelStatsJson = table.Column<string>(type: "text", nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.DatasetId);
                });

            migrationBuilder.CreateTable(
                name: "processor_tasks",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    TemplateId = table.Column<string>(type: "text", nullable: false),
                    TemplateJson = table.Column<string>(type: "text", nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    UsedDataSource = table.Column<bool>(type: "boolean", nullable: false),
                    WorkPathJson = table.Column<string>(type: "text", nullable: true),
                    DatasetVersionId = table.Column<string>(type: "text", nullable: true),
                    DatasetVersionName = table.Column<string>(type: "text", nullable: true),
                    InputKey = table.Column<string>(type: "text", nullable: false),
                    SourceType = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    VersionCount = table.Column<int>(type: "integer", nullable: false),
                    LastVersionSequence = table.Column<int>(type: "integer", nullable: false),
                    LatestVersionId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: false),
                    StartTime = table.Column<long>(type: "bigint", nullable: true),
                    ErrorMsg = table.Column<string>(type: "text", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processor_tasks", x => x.TaskId);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "sample_results",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "text", nullable: false),
                    SampleId = table.Column<string>(type: "text", nullable: false),
                    Ordinal = table.Column<long>(type: "bigint", nullable: false),
                    AddedIndex = table.Column<int>(type: "integer", nullable: false),
                    OriginSource = table.Column<string>(type: "text", nullable: false),
                    NewSource = table.Column<string>(type: "text", nullable: true),
                    ResultProperty = table.Column<int>(type: "integer", nullable: false),
                    DescriptionJson = table.Column<string>(type: "text", nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sample_results", x => new { x.VersionId, x.SampleId });
                });

            migrationBuilder.CreateTable(
                name: "shards",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "text", nullable: false),
                    ShardIndex = table.Column<int>(type: "integer", nullable: false),
                    SampleCount = table.Column<int>(type: "integer", nullable: false),
                    ProcessedSamples = table.Column<int>(type: "integer", nullable: false),
                    Pass = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shards", x => new { x.VersionId, x.ShardIndex });
                });

            migrationBuilder.CreateTable(
                name: "task_versions",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    TaskId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    VersionName = table.Column<string>(type: "text", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    TemplateJson = table.Column<string>(type: "text", nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    WorkPathJson = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false),
                    StartTime = table.Column<long>(type: "bigint", nullable: true),
                    EndTime = table.Column<long>(type: "bigint", nullable: true),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: false),
                    ErrorMsg = table.Column<string>(type: "text", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    OriginSampleCount = table.Column<int>(type: "integer", nullable: true),
                    AddSampleCount = table.Column<int>(type: "integer", nullable: true),
                    DeletedSampleCount = table.Column<int>(type: "integer", nullable: true),
                    ModifiedSampleCount = table.Column<int>(type: "integer", nullable: true),
                    UnmodifiedSampleCount = table.Column<int>(type: "integer", nullable: true),
                    ProcessedSamples = table.Column<int>(type: "integer", nullable: false),
                    TotalSamples = table.Column<int>(type: "integer", nullable: true),
                    ShardCount = table.Column<int>(type: "integer", nullable: true),
                    Pass = table.Column<int>(type: "integer", nullable: false),
                    ReduceEnqueued = table.Column<bool>(type: "boolean", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_versions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_keys_ProjectId",
                table: "access_keys",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_ProjectId",
                table: "api_tokens",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_dataset_versions_DatasetId_Name",
                table: "dataset_versions",
                columns: new[] { "DatasetId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_datasets_ProjectId_WorkspaceId_Name",
                table: "datasets",
                columns: new[] { "ProjectId", "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_datasets_Status",
                table: "datasets",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_processor_tasks_ProjectId_CreateTime",
                table: "processor_tasks",
                columns: new[] { "ProjectId", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_processor_tasks_ProjectId_TemplateId_InputKey_CreateTime",
                table: "processor_tasks",
                columns: new[] { "ProjectId", "TemplateId", "InputKey", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_processor_tasks_ProjectId_WorkspaceId_Name",
                table: "processor_tasks",
                columns: new[] { "ProjectId", "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sample_results_VersionId_Ordinal_AddedIndex",
                table: "sample_results",
                columns: new[] { "VersionId", "Ordinal", "AddedIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_sample_results_VersionId_ResultProperty_Ordinal_AddedIndex",
                table: "sample_results",
                columns: new[] { "VersionId", "ResultProperty", "Ordinal", "AddedIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_task_versions_Status",
                table: "task_versions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_task_versions_TaskId_Sequence",
                table: "task_versions",
                columns: new[] { "TaskId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_Name",
                table: "users",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_keys");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "dataset_versions");

            migrationBuilder.DropTable(
                name: "datasets");

            migrationBuilder.DropTable(
                name: "processor_tasks");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "sample_results");

            migrationBuilder.DropTable(
                name: "shards");

            migrationBuilder.DropTable(
                name: "task_versions");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
