using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Contracts;

internal sealed class ContractProjectConfiguration : IEntityTypeConfiguration<ContractProject>
{
    public void Configure(EntityTypeBuilder<ContractProject> builder)
    {
        builder.ToTable("ContractProjects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(32);
        builder.Property(p => p.Name).IsRequired().HasMaxLength(128);
        builder.Property(p => p.TemplateId).HasMaxLength(64);
        builder.Property(p => p.CreatedBy).IsRequired().HasMaxLength(256);
        builder.Property(p => p.OrganizationId).IsRequired().HasMaxLength(32);
        builder.HasIndex(p => p.UpdatedAt);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> builder)
    {
        builder.ToTable("ContractVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedOnAdd();
        builder.Property(v => v.ProjectId).IsRequired().HasMaxLength(32);
        builder.Property(v => v.SourcesJson).IsRequired();
        builder.Property(v => v.CompilerVersion).IsRequired().HasMaxLength(64);
        builder.Property(v => v.ArtifactsJson).IsRequired();
        builder.Property(v => v.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(v => new { v.ProjectId, v.Number }).IsUnique();
    }
}

internal sealed class DeployedContractConfiguration : IEntityTypeConfiguration<DeployedContract>
{
    public void Configure(EntityTypeBuilder<DeployedContract> builder)
    {
        builder.ToTable("DeployedContracts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(d => d.Address).IsRequired().HasMaxLength(42);
        builder.Property(d => d.ContractName).IsRequired().HasMaxLength(256);
        builder.Property(d => d.ProjectId).HasMaxLength(32);
        builder.Property(d => d.AbiJson).IsRequired();
        builder.Property(d => d.CompilerVersion).IsRequired().HasMaxLength(64);
        builder.Property(d => d.TransactionHash).IsRequired().HasMaxLength(66);
        builder.Property(d => d.DeployedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(d => new { d.NetworkId, d.Address }).IsUnique();
        builder.HasOne<Network>().WithMany().HasForeignKey(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
