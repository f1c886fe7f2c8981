using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Indexes for the server-side grids: a network's blocks by time (the traces page's time range becomes a block
/// range in one seek each way), contract projects by last change, and a project's scans newest first.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202001300_GridIndexes")]
public sealed class GridIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_ChainBlocks_NetworkId_Timestamp", "ChainBlocks", ["NetworkId", "Timestamp", "Number"]);
        migrationBuilder.CreateIndex("IX_ContractProjects_UpdatedAt", "ContractProjects", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_Scans_ProjectId_CreatedAt", "Scans", ["ProjectId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Scans_ProjectId_CreatedAt", "Scans");
        migrationBuilder.DropIndex("IX_ContractProjects_UpdatedAt", "ContractProjects");
        migrationBuilder.DropIndex("IX_ChainBlocks_NetworkId_Timestamp", "ChainBlocks");
    }
}
