using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Scans of multi-file projects keep every file they compiled together.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001100_ScanSources")]
public sealed class ScanSources : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "SourcesJson", table: "Scans", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "SourcesJson", table: "Scans");
}
