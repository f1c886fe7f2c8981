using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Explorer indexes in the order pages read them: an address's transactions newest first (sender, recipient and
/// created contract each end in block and index, so a keyset page is one seek), a block's transactions in index
/// order, and one row per transaction hash per network (two indexers on one database cannot store a
/// transaction twice).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000900_ExplorerIndexes")]
public sealed class ExplorerIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_Hash", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_BlockNumber", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_From", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_To", "ChainTransactions");
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_Hash", "ChainTransactions", ["NetworkId", "Hash"], unique: true);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_Position", "ChainTransactions", ["NetworkId", "BlockNumber", "TransactionIndex"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_From_Position", "ChainTransactions", ["NetworkId", "From", "BlockNumber", "TransactionIndex"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_To_Position", "ChainTransactions", ["NetworkId", "To", "BlockNumber", "TransactionIndex"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_ContractAddress_Position", "ChainTransactions", ["NetworkId", "ContractAddress", "BlockNumber", "TransactionIndex"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_ContractAddress_Position", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_To_Position", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_From_Position", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_Position", "ChainTransactions");
        migrationBuilder.DropIndex("IX_ChainTransactions_NetworkId_Hash", "ChainTransactions");
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_Hash", "ChainTransactions", ["NetworkId", "Hash"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_BlockNumber", "ChainTransactions", ["NetworkId", "BlockNumber"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_From", "ChainTransactions", ["NetworkId", "From"]);
        migrationBuilder.CreateIndex("IX_ChainTransactions_NetworkId_To", "ChainTransactions", ["NetworkId", "To"]);
    }
}
