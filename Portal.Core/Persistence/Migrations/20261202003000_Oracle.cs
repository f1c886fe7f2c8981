using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>The oracle's queue and log: one row per request with its answer.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202003000_Oracle")]
public sealed class Oracle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OracleRequests",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                TokenId = table.Column<Guid>(nullable: true),
                Contract = table.Column<string>(maxLength: 64, nullable: true),
                CallerRequestId = table.Column<string>(maxLength: 100, nullable: true),
                Url = table.Column<string>(maxLength: 2048, nullable: false),
                Host = table.Column<string>(maxLength: 255, nullable: false),
                Method = table.Column<string>(maxLength: 8, nullable: false),
                HeadersJson = table.Column<string>(nullable: true),
                Body = table.Column<byte[]>(nullable: true),
                TimeoutMs = table.Column<int>(nullable: false),
                Selector = table.Column<string>(maxLength: 500, nullable: true),
                ResultType = table.Column<string>(maxLength: 8, nullable: false),
                Decimals = table.Column<int>(nullable: false),
                Callback = table.Column<string>(maxLength: 200, nullable: true),
                MaxRetries = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                HttpStatus = table.Column<int>(nullable: true),
                Value = table.Column<string>(maxLength: 4096, nullable: true),
                RawBody = table.Column<byte[]>(nullable: true),
                RawBodyTruncated = table.Column<bool>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                DurationMs = table.Column<long>(nullable: true),
                ChainKey = table.Column<string>(maxLength: 120, nullable: true),
                Fulfilment = table.Column<string>(maxLength: 16, nullable: true),
                FulfilmentTx = table.Column<string>(maxLength: 66, nullable: true),
                FulfilmentError = table.Column<string>(maxLength: 500, nullable: true),
                FulfilledAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OracleRequests", x => x.Id);
                table.ForeignKey("FK_OracleRequests_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_OracleRequests_ChainKey", "OracleRequests", "ChainKey", unique: true);
        migrationBuilder.CreateIndex("IX_OracleRequests_CreatedAt", "OracleRequests", "CreatedAt");
        migrationBuilder.CreateIndex("IX_OracleRequests_NetworkId_CreatedAt", "OracleRequests", ["NetworkId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_OracleRequests_Host_CreatedAt", "OracleRequests", ["Host", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_OracleRequests_Status_CreatedAt", "OracleRequests", ["Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_OracleRequests_UserId_CreatedAt", "OracleRequests", ["UserId", "CreatedAt"]);

        // The portal's NutOracle on a network: its address, the oracle account (key encrypted at rest) and how far its events were read.
        migrationBuilder.CreateTable(
            name: "OracleDeployments",
            columns: table => new
            {
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                ContractAddress = table.Column<string>(maxLength: 64, nullable: false),
                OracleAddress = table.Column<string>(maxLength: 64, nullable: false),
                ProtectedPrivateKey = table.Column<string>(nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                DeployedBy = table.Column<string>(maxLength: 450, nullable: false),
                DeployedAt = table.Column<DateTime>(nullable: false),
                NextBlock = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OracleDeployments", x => x.NetworkId);
                table.ForeignKey("FK_OracleDeployments_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        // Requests submitted again and again (device polling), each run a recurring job.
        migrationBuilder.CreateTable(
            name: "OracleSchedules",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                SubmissionJson = table.Column<string>(nullable: false),
                Cron = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastRequestId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OracleSchedules", x => x.Id);
                table.ForeignKey("FK_OracleSchedules_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OracleSchedules_NetworkId", "OracleSchedules", "NetworkId");
        migrationBuilder.CreateIndex("IX_OracleSchedules_UserId", "OracleSchedules", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OracleSchedules");
        migrationBuilder.DropTable(name: "OracleDeployments");
        migrationBuilder.DropTable(name: "OracleRequests");
    }
}
