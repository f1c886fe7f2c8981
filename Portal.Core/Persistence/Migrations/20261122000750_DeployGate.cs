using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>The per-project deploy gate, and scans that remember which project version they covered.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000750_DeployGate")]
public sealed class ProjectDeployGate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "BlockDeployOnHighFindings", table: "ContractProjects", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "ProjectId", table: "Scans", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<int>(name: "VersionNumber", table: "Scans", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Scans_ProjectId_VersionNumber", table: "Scans", columns: ["ProjectId", "VersionNumber"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Scans_ProjectId_VersionNumber", table: "Scans");
        migrationBuilder.DropColumn(name: "VersionNumber", table: "Scans");
        migrationBuilder.DropColumn(name: "ProjectId", table: "Scans");
        migrationBuilder.DropColumn(name: "BlockDeployOnHighFindings", table: "ContractProjects");
    }
}
