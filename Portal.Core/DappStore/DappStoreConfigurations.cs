using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Contracts;
using NutPortal.Core.Networks;

namespace NutPortal.Core.DappStore;

internal sealed class DappConfiguration : IEntityTypeConfiguration<Dapp>
{
    public void Configure(EntityTypeBuilder<Dapp> builder)
    {
        builder.ToTable("Dapps");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(32);
        builder.Property(d => d.Name).IsRequired().HasMaxLength(DappLimits.NameLength);
        builder.Property(d => d.Summary).IsRequired().HasMaxLength(DappLimits.SummaryLength);
        builder.Property(d => d.Description).IsRequired().HasMaxLength(DappLimits.DescriptionLength);
        builder.Property(d => d.Category).IsRequired().HasMaxLength(32);
        builder.Property(d => d.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(d => d.OrganizationId).IsRequired().HasMaxLength(32);
        builder.Property(d => d.OwnerId).IsRequired().HasMaxLength(450);
        builder.Property(d => d.OwnerName).IsRequired().HasMaxLength(256);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.FrontEnd).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.IconContentType).HasMaxLength(32);
        builder.HasIndex(d => new { d.State, d.PublishedAt });
        builder.HasIndex(d => d.NetworkId);
        builder.HasIndex(d => d.OrganizationId);
        builder.HasMany(d => d.Contracts).WithOne().HasForeignKey(c => c.DappId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Network>().WithMany().HasForeignKey(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DappContractConfiguration : IEntityTypeConfiguration<DappContract>
{
    public void Configure(EntityTypeBuilder<DappContract> builder)
    {
        builder.ToTable("DappContracts");
        builder.HasKey(c => new { c.DappId, c.DeployedContractId });
        builder.Property(c => c.DappId).HasMaxLength(32);
        builder.HasIndex(c => c.DeployedContractId);
        builder.HasOne<DeployedContract>().WithMany().HasForeignKey(c => c.DeployedContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DappBundleConfiguration : IEntityTypeConfiguration<DappBundle>
{
    public void Configure(EntityTypeBuilder<DappBundle> builder)
    {
        builder.ToTable("DappBundles");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedOnAdd();
        builder.Property(b => b.DappId).IsRequired().HasMaxLength(32);
        builder.Property(b => b.Key).IsRequired().HasMaxLength(32);
        builder.Property(b => b.EntryPoint).IsRequired().HasMaxLength(256);
        builder.Property(b => b.UploadedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(b => b.Key).IsUnique();
        builder.HasIndex(b => new { b.DappId, b.Version }).IsUnique();
        builder.HasOne<Dapp>().WithMany().HasForeignKey(b => b.DappId).OnDelete(DeleteBehavior.Cascade);
    }
}
