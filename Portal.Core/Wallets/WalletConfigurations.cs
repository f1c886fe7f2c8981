using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Identity;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Wallets;

internal sealed class WalletAccountConfiguration : IEntityTypeConfiguration<WalletAccount>
{
    public void Configure(EntityTypeBuilder<WalletAccount> builder)
    {
        builder.ToTable("WalletAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.UserId).IsRequired().HasMaxLength(450);
        builder.Property(a => a.Name).IsRequired().HasMaxLength(100);
        builder.Property(a => a.Address).IsRequired().HasMaxLength(42);
        builder.Property(a => a.ProtectedPrivateKey).IsRequired();
        builder.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        // One user holds an address once; the list reads a user's accounts in creation order.
        builder.HasIndex(a => new { a.UserId, a.Address }).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WalletFaucetGrantConfiguration : IEntityTypeConfiguration<WalletFaucetGrant>
{
    public void Configure(EntityTypeBuilder<WalletFaucetGrant> builder)
    {
        builder.ToTable("WalletFaucetGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedOnAdd();
        builder.Property(g => g.UserId).IsRequired().HasMaxLength(450);
        builder.Property(g => g.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(g => g.Amount).IsRequired().HasMaxLength(80);
        builder.Property(g => g.TransactionHash).HasMaxLength(66);
        // The rate limits count a user's and an account's grants since a moment: one seek each.
        builder.HasIndex(g => new { g.UserId, g.At });
        builder.HasIndex(g => new { g.AccountId, g.At });
        // No foreign key to the account: removing an account must not erase its payments, or removing and re-creating
        // accounts would reset the per-user limit.
        builder.HasOne<Network>().WithMany().HasForeignKey(g => g.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
