using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;

namespace NutPortal.Core.SecurityPolicy;

internal sealed class SecurityPolicyVersionConfiguration : IEntityTypeConfiguration<SecurityPolicyVersion>
{
    public void Configure(EntityTypeBuilder<SecurityPolicyVersion> builder)
    {
        builder.ToTable("SecurityPolicyVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedOnAdd();
        builder.Property(v => v.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(v => v.Document).IsRequired();
        builder.Property(v => v.ChangedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(v => new { v.NetworkId, v.Version }).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(v => v.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkDataKeyConfiguration : IEntityTypeConfiguration<NetworkDataKey>
{
    public void Configure(EntityTypeBuilder<NetworkDataKey> builder)
    {
        builder.ToTable("NetworkDataKeys");
        builder.HasKey(k => k.NetworkId);
        builder.Property(k => k.NetworkId).HasMaxLength(32);
        builder.Property(k => k.KeyId).IsRequired().HasMaxLength(16);
        builder.Property(k => k.ProtectedKey).IsRequired().HasMaxLength(1000);
        builder.HasOne<Network>().WithMany().HasForeignKey(k => k.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PayloadDecryptionConfiguration : IEntityTypeConfiguration<PayloadDecryption>
{
    public void Configure(EntityTypeBuilder<PayloadDecryption> builder)
    {
        builder.ToTable("PayloadDecryptions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(d => d.TransactionHash).IsRequired().HasMaxLength(66);
        builder.Property(d => d.UserName).IsRequired().HasMaxLength(256);
        builder.Property(d => d.Level).IsRequired().HasMaxLength(16);
        builder.HasIndex(d => new { d.NetworkId, d.Id });
        builder.HasOne<Network>().WithMany().HasForeignKey(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
