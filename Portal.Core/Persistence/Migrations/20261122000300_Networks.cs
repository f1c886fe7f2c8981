using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Networks, their nodes, deployment steps, funded accounts and the operations audit log.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000300_Networks")]
public sealed class Networks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Networks",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Platform = table.Column<string>(maxLength: 64, nullable: false),
                Driver = table.Column<string>(maxLength: 32, nullable: false),
                ProfileJson = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                StatusMessage = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Networks", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NetworkNodes",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Host = table.Column<string>(maxLength: 255, nullable: false),
                Port = table.Column<int>(nullable: true),
                RpcUrl = table.Column<string>(maxLength: 512, nullable: true),
                ProcessId = table.Column<int>(nullable: true),
                Version = table.Column<string>(maxLength: 64, nullable: false),
                Hardfork = table.Column<string>(maxLength: 32, nullable: false),
                DataDirectory = table.Column<string>(maxLength: 1024, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                BlockHeight = table.Column<long>(nullable: true),
                RestartCount = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkNodes", x => x.Id);
                table.ForeignKey("FK_NetworkNodes_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeploymentSteps",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Order = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                Message = table.Column<string>(maxLength: 2000, nullable: true),
                Hint = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeploymentSteps", x => x.Id);
                table.ForeignKey("FK_DeploymentSteps_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NetworkAudit",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                NodeId = table.Column<string>(maxLength: 32, nullable: true),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Outcome = table.Column<string>(maxLength: 32, nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_NetworkAudit", x => x.Id));

        migrationBuilder.CreateTable(
            name: "NetworkAccounts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Address = table.Column<string>(maxLength: 42, nullable: false),
                ProtectedPrivateKey = table.Column<string>(maxLength: 1024, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkAccounts", x => x.Id);
                table.ForeignKey("FK_NetworkAccounts_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Networks_Name", "Networks", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_NetworkNodes_NetworkId", "NetworkNodes", "NetworkId");
        migrationBuilder.CreateIndex("IX_NetworkNodes_Port", "NetworkNodes", "Port");
        migrationBuilder.CreateIndex("IX_DeploymentSteps_NetworkId_Order", "DeploymentSteps", ["NetworkId", "Order"]);
        migrationBuilder.CreateIndex("IX_NetworkAudit_NetworkId_At", "NetworkAudit", ["NetworkId", "At"]);
        migrationBuilder.CreateIndex("IX_NetworkAccounts_NetworkId", "NetworkAccounts", "NetworkId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "NetworkAccounts", "NetworkAudit", "DeploymentSteps", "NetworkNodes", "Networks" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
