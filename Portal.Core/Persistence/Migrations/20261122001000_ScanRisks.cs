using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Scans keep the learned model's ranking of the riskiest functions.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001000_ScanRisks")]
public sealed class ScanRisks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "RisksJson", table: "Scans", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "RisksJson", table: "Scans");
}
