using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Refinery.Catalog.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DistributedWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "shards");

            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "shards",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "shards",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "shards",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "installation_keys",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_installation_keys", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "text", nullable: false),
                    Holder = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                columns: table => new
                {
                    WorkerId = table.Column<string>(type: "text", nullable: false),
                    Host = table.Column<string>(type: "text", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workers", x => x.WorkerId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "installation_keys");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "workers");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "shards");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "shards");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "shards");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "shards",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
