using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Contract projects and their versions, contracts deployed by the portal, and security scans.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000600_Contracts")]
public sealed class Contracts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContractProjects",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                TemplateId = table.Column<string>(maxLength: 64, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContractProjects", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContractVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ProjectId = table.Column<string>(maxLength: 32, nullable: false),
                Number = table.Column<int>(nullable: false),
                SourcesJson = table.Column<string>(nullable: false),
                CompilerVersion = table.Column<string>(maxLength: 64, nullable: false),
                ArtifactsJson = table.Column<string>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractVersions", x => x.Id);
                table.ForeignKey("FK_ContractVersions_ContractProjects_ProjectId", x => x.ProjectId, "ContractProjects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeployedContracts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Address = table.Column<string>(maxLength: 42, nullable: false),
                ContractName = table.Column<string>(maxLength: 256, nullable: false),
                ProjectId = table.Column<string>(maxLength: 32, nullable: true),
                VersionNumber = table.Column<int>(nullable: true),
                AbiJson = table.Column<string>(nullable: false),
                CompilerVersion = table.Column<string>(maxLength: 64, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                DeployedBy = table.Column<string>(maxLength: 256, nullable: false),
                DeployedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeployedContracts", x => x.Id);
                table.ForeignKey("FK_DeployedContracts_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Scans",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Source = table.Column<string>(nullable: false),
                CompilerVersion = table.Column<string>(maxLength: 64, nullable: true),
                FindingsJson = table.Column<string>(nullable: true),
                Error = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Scans", x => x.Id));

        migrationBuilder.CreateIndex("IX_ContractVersions_ProjectId_Number", "ContractVersions", ["ProjectId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_DeployedContracts_NetworkId_Address", "DeployedContracts", ["NetworkId", "Address"], unique: true);
        migrationBuilder.CreateIndex("IX_Scans_CreatedAt", "Scans", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Scans", "DeployedContracts", "ContractVersions", "ContractProjects" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
