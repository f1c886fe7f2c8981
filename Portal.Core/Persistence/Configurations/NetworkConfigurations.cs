using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Persistence.Configurations;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.ToTable("Networks");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(32);
        builder.Property(n => n.Name).IsRequired().HasMaxLength(64);
        builder.Property(n => n.Platform).IsRequired().HasMaxLength(64);
        builder.Property(n => n.Driver).IsRequired().HasMaxLength(32);
        builder.Property(n => n.ProfileJson).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.StatusMessage).HasMaxLength(2000);
        builder.Property(n => n.CreatedBy).IsRequired().HasMaxLength(256);
        builder.Property(n => n.OrganizationId).IsRequired().HasMaxLength(32);
        builder.HasIndex(n => new { n.OrganizationId, n.Name }).IsUnique();
        builder.Property(n => n.ParentNetworkId).HasMaxLength(32);
        builder.HasIndex(n => n.ParentNetworkId);
        builder.HasMany(n => n.Nodes).WithOne().HasForeignKey(n => n.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkNodeConfiguration : IEntityTypeConfiguration<NetworkNode>
{
    public void Configure(EntityTypeBuilder<NetworkNode> builder)
    {
        builder.ToTable("NetworkNodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(32);
        builder.Property(n => n.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(n => n.Name).IsRequired().HasMaxLength(64);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Host).IsRequired().HasMaxLength(255);
        builder.Property(n => n.RpcUrl).HasMaxLength(512);
        builder.Property(n => n.Version).IsRequired().HasMaxLength(64);
        builder.Property(n => n.Hardfork).IsRequired().HasMaxLength(32);
        builder.Property(n => n.DataDirectory).IsRequired().HasMaxLength(1024);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        builder.Property(n => n.OrganizationId).HasMaxLength(32);
        builder.HasIndex(n => n.Port);
    }
}

internal sealed class DeploymentStepConfiguration : IEntityTypeConfiguration<DeploymentStep>
{
    public void Configure(EntityTypeBuilder<DeploymentStep> builder)
    {
        builder.ToTable("DeploymentSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.Name).IsRequired().HasMaxLength(64);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Message).HasMaxLength(2000);
        builder.Property(s => s.Hint).HasMaxLength(2000);
        builder.HasIndex(s => new { s.NetworkId, s.Order });
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkAuditEntryConfiguration : IEntityTypeConfiguration<NetworkAuditEntry>
{
    public void Configure(EntityTypeBuilder<NetworkAuditEntry> builder)
    {
        builder.ToTable("NetworkAudit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        // Audit entries outlive the network they describe: no foreign key, so deleting a network keeps its history.
        builder.Property(a => a.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(a => a.NodeId).HasMaxLength(32);
        builder.Property(a => a.Actor).IsRequired().HasMaxLength(256);
        builder.Property(a => a.Action).IsRequired().HasMaxLength(64);
        builder.Property(a => a.Outcome).IsRequired().HasMaxLength(32);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => new { a.NetworkId, a.At });
    }
}

internal sealed class NetworkAccountConfiguration : IEntityTypeConfiguration<NetworkAccount>
{
    public void Configure(EntityTypeBuilder<NetworkAccount> builder)
    {
        builder.ToTable("NetworkAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(a => a.Address).IsRequired().HasMaxLength(42);
        builder.Property(a => a.ProtectedPrivateKey).IsRequired().HasMaxLength(1024);
        builder.Property(a => a.OrganizationId).HasMaxLength(32);
        builder.HasIndex(a => a.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
