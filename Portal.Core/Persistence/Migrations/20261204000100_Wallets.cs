using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Wallet accounts (keys encrypted at rest) and the faucet's payments; the Transfer events' sender and recipient on
/// indexed logs, filled in for logs indexed before, so a wallet finds its tokens with an index seek.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000100_Wallets")]
public sealed class Wallets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WalletAccounts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Address = table.Column<string>(maxLength: 42, nullable: false),
                ProtectedPrivateKey = table.Column<string>(nullable: false),
                Origin = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WalletAccounts", x => x.Id);
                table.ForeignKey("FK_WalletAccounts_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WalletAccounts_UserId_Address", "WalletAccounts", ["UserId", "Address"], unique: true);

        migrationBuilder.CreateTable(
            name: "WalletFaucetGrants",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                AccountId = table.Column<long>(nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Amount = table.Column<string>(maxLength: 80, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: true),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WalletFaucetGrants", x => x.Id);
                table.ForeignKey("FK_WalletFaucetGrants_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WalletFaucetGrants_UserId_At", "WalletFaucetGrants", ["UserId", "At"]);
        migrationBuilder.CreateIndex("IX_WalletFaucetGrants_AccountId_At", "WalletFaucetGrants", ["AccountId", "At"]);
        migrationBuilder.CreateIndex("IX_WalletFaucetGrants_NetworkId", "WalletFaucetGrants", "NetworkId");

        migrationBuilder.AddColumn<string>(name: "TransferFrom", table: "ChainLogs", maxLength: 42, nullable: true);
        migrationBuilder.AddColumn<string>(name: "TransferTo", table: "ChainLogs", maxLength: 42, nullable: true);
        // Logs indexed before: a Transfer event has 3 (ERC-20) or 4 (ERC-721) topics of 66 characters, comma-separated;
        // the addresses are the last 40 hex digits of topics 1 and 2. substr, || and length mean the same on both providers.
        migrationBuilder.Sql("""
            UPDATE "ChainLogs" SET "TransferFrom" = '0x' || substr("Topics", 94, 40), "TransferTo" = '0x' || substr("Topics", 161, 40)
            WHERE "Topics" LIKE '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef,%' AND length("Topics") IN (200, 267)
            """);
        migrationBuilder.CreateIndex("IX_ChainLogs_NetworkId_TransferFrom", "ChainLogs", ["NetworkId", "TransferFrom", "BlockNumber"]);
        migrationBuilder.CreateIndex("IX_ChainLogs_NetworkId_TransferTo", "ChainLogs", ["NetworkId", "TransferTo", "BlockNumber"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ChainLogs_NetworkId_TransferTo", "ChainLogs");
        migrationBuilder.DropIndex("IX_ChainLogs_NetworkId_TransferFrom", "ChainLogs");
        migrationBuilder.DropColumn("TransferTo", "ChainLogs");
        migrationBuilder.DropColumn("TransferFrom", "ChainLogs");
        migrationBuilder.DropTable("WalletFaucetGrants");
        migrationBuilder.DropTable("WalletAccounts");
    }
}
