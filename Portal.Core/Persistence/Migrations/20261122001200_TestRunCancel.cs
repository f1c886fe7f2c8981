using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Test runs record who cancelled them.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001200_TestRunCancel")]
public sealed class TestRunCancel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "CancelledBy", table: "ContractTestRuns", maxLength: 256, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "CancelledBy", table: "ContractTestRuns");
}
