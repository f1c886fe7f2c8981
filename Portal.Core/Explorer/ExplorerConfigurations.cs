using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Explorer;

internal sealed class ChainBlockConfiguration : IEntityTypeConfiguration<ChainBlock>
{
    public void Configure(EntityTypeBuilder<ChainBlock> builder)
    {
        builder.ToTable("ChainBlocks");
        builder.HasKey(b => new { b.NetworkId, b.Number });
        builder.Property(b => b.NetworkId).HasMaxLength(32);
        builder.Property(b => b.Number).ValueGeneratedNever();
        builder.Property(b => b.Hash).IsRequired().HasMaxLength(66);
        builder.Property(b => b.ParentHash).IsRequired().HasMaxLength(66);
        builder.Property(b => b.Miner).HasMaxLength(42);
        builder.Property(b => b.BaseFeePerGas).HasMaxLength(80);
        builder.HasIndex(b => new { b.NetworkId, b.Hash });
        // The traces page turns a time range into a block range with one seek each way (migration GridIndexes).
        builder.HasIndex(b => new { b.NetworkId, b.Timestamp, b.Number }).HasDatabaseName("IX_ChainBlocks_NetworkId_Timestamp");
        builder.HasOne<Network>().WithMany().HasForeignKey(b => b.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainTransactionConfiguration : IEntityTypeConfiguration<ChainTransaction>
{
    public void Configure(EntityTypeBuilder<ChainTransaction> builder)
    {
        builder.ToTable("ChainTransactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(t => t.Hash).IsRequired().HasMaxLength(66);
        builder.Property(t => t.From).IsRequired().HasMaxLength(42);
        builder.Property(t => t.To).HasMaxLength(42);
        builder.Property(t => t.ContractAddress).HasMaxLength(42);
        builder.Property(t => t.Value).IsRequired().HasMaxLength(80);
        builder.Property(t => t.GasPrice).HasMaxLength(80);
        builder.Property(t => t.Input).IsRequired();
        // Indexes end in (BlockNumber, TransactionIndex): pages read newest first with keyset paging (migration ExplorerIndexes).
        builder.HasIndex(t => new { t.NetworkId, t.Hash }).IsUnique();
        // Short names: PostgreSQL cuts identifiers at 63 characters.
        builder.HasIndex(t => new { t.NetworkId, t.BlockNumber, t.TransactionIndex }).HasDatabaseName("IX_ChainTransactions_NetworkId_Position");
        builder.HasIndex(t => new { t.NetworkId, t.From, t.BlockNumber, t.TransactionIndex }).HasDatabaseName("IX_ChainTransactions_NetworkId_From_Position");
        builder.HasIndex(t => new { t.NetworkId, t.To, t.BlockNumber, t.TransactionIndex }).HasDatabaseName("IX_ChainTransactions_NetworkId_To_Position");
        // The creation index ends in the position too: with only (NetworkId, ContractAddress) SQLite walked the
        // position index instead to skip a sort, 2 s over a million rows (bench indexer).
        builder.HasIndex(t => new { t.NetworkId, t.ContractAddress, t.BlockNumber, t.TransactionIndex }).HasDatabaseName("IX_ChainTransactions_NetworkId_ContractAddress_Position");
        builder.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainLogConfiguration : IEntityTypeConfiguration<ChainLog>
{
    public void Configure(EntityTypeBuilder<ChainLog> builder)
    {
        builder.ToTable("ChainLogs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();
        builder.Property(l => l.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(l => l.TransactionHash).IsRequired().HasMaxLength(66);
        builder.Property(l => l.Address).IsRequired().HasMaxLength(42);
        builder.Property(l => l.Topics).IsRequired().HasMaxLength(300);
        builder.Property(l => l.Data).IsRequired();
        builder.HasIndex(l => new { l.NetworkId, l.TransactionHash });
        builder.HasIndex(l => new { l.NetworkId, l.BlockNumber });
        // A wallet's token holdings: the Transfer events to or from an address, newest first (migration Wallets).
        builder.Property(l => l.TransferFrom).HasMaxLength(42);
        builder.Property(l => l.TransferTo).HasMaxLength(42);
        builder.HasIndex(l => new { l.NetworkId, l.TransferFrom, l.BlockNumber }).HasDatabaseName("IX_ChainLogs_NetworkId_TransferFrom");
        builder.HasIndex(l => new { l.NetworkId, l.TransferTo, l.BlockNumber }).HasDatabaseName("IX_ChainLogs_NetworkId_TransferTo");
        builder.HasOne<Network>().WithMany().HasForeignKey(l => l.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
