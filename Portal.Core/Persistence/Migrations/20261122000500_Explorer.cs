using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>The chain explorer's indexed blocks, transactions and logs, and the portal's transaction trace spans.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000500_Explorer")]
public sealed class Explorer : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChainBlocks",
            columns: table => new
            {
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Number = table.Column<long>(nullable: false),
                Hash = table.Column<string>(maxLength: 66, nullable: false),
                ParentHash = table.Column<string>(maxLength: 66, nullable: false),
                Timestamp = table.Column<DateTime>(nullable: false),
                Miner = table.Column<string>(maxLength: 42, nullable: true),
                GasUsed = table.Column<long>(nullable: false),
                GasLimit = table.Column<long>(nullable: false),
                BaseFeePerGas = table.Column<string>(maxLength: 80, nullable: true),
                TransactionCount = table.Column<int>(nullable: false),
                IndexedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChainBlocks", x => new { x.NetworkId, x.Number });
                table.ForeignKey("FK_ChainBlocks_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChainTransactions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Hash = table.Column<string>(maxLength: 66, nullable: false),
                BlockNumber = table.Column<long>(nullable: false),
                TransactionIndex = table.Column<int>(nullable: false),
                From = table.Column<string>(maxLength: 42, nullable: false),
                To = table.Column<string>(maxLength: 42, nullable: true),
                ContractAddress = table.Column<string>(maxLength: 42, nullable: true),
                Value = table.Column<string>(maxLength: 80, nullable: false),
                Nonce = table.Column<long>(nullable: false),
                Gas = table.Column<long>(nullable: false),
                GasUsed = table.Column<long>(nullable: false),
                GasPrice = table.Column<string>(maxLength: 80, nullable: true),
                Status = table.Column<int>(nullable: true),
                Type = table.Column<int>(nullable: false),
                Input = table.Column<string>(nullable: false),
                LogCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChainTransactions", x => x.Id);
                table.ForeignKey("FK_ChainTransactions_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChainLogs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                BlockNumber = table.Column<long>(nullable: false),
                LogIndex = table.Column<int>(nullable: false),
                Address = table.Column<string>(maxLength: 42, nullable: false),
                Topics = table.Column<string>(maxLength: 300, nullable: false),
                Data = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChainLogs", x => x.Id);
                table.ForeignKey("FK_ChainLogs_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TraceSpans",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                Stage = table.Column<string>(maxLength: 32, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TraceSpans", x => x.Id);
                table.ForeignKey("FK_TraceSpans_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ChainBlocks_NetworkId_Hash", "ChainBlocks", ["NetworkId", "Hash"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_Hash", "ChainTransactions", ["NetworkId", "Hash"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_BlockNumber", "ChainTransactions", ["NetworkId", "BlockNumber"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_From", "ChainTransactions", ["NetworkId", "From"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_To", "ChainTransactions", ["NetworkId", "To"]);
        migrationBuilder.CreateIndex("IX_ChainLogs_NetworkId_TransactionHash", "ChainLogs", ["NetworkId", "TransactionHash"]);
        migrationBuilder.CreateIndex("IX_ChainLogs_NetworkId_BlockNumber", "ChainLogs", ["NetworkId", "BlockNumber"]);
        migrationBuilder.CreateIndex("IX_TraceSpans_NetworkId_TransactionHash", "TraceSpans", ["NetworkId", "TransactionHash"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "TraceSpans", "ChainLogs", "ChainTransactions", "ChainBlocks" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
