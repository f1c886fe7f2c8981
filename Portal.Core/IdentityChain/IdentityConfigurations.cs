using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Identity;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.IdentityChain;

internal sealed class IdentityChainProfileConfiguration : IEntityTypeConfiguration<IdentityChainProfile>
{
    public void Configure(EntityTypeBuilder<IdentityChainProfile> builder)
    {
        builder.ToTable("IdentityChainProfiles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.OrganizationId).IsRequired().HasMaxLength(32);
        builder.Property(c => c.Name).IsRequired().HasMaxLength(64);
        builder.Property(c => c.ProfileJson).IsRequired();
        builder.Property(c => c.SignatureAlgorithm).IsRequired().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Progress).HasMaxLength(1000);
        builder.Property(c => c.NetworkId).HasMaxLength(32);
        builder.Property(c => c.ContractAddress).HasMaxLength(42);
        builder.Property(c => c.TransactionHash).HasMaxLength(66);
        builder.Property(c => c.CreatedBy).IsRequired().HasMaxLength(450);
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt });
        builder.HasIndex(c => c.NetworkId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Network>().WithMany().HasForeignKey(c => c.NetworkId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ChainIdentityConfiguration : IEntityTypeConfiguration<ChainIdentity>
{
    public void Configure(EntityTypeBuilder<ChainIdentity> builder)
    {
        builder.ToTable("ChainIdentities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(66);
        builder.Property(i => i.IdentityChainId).IsRequired().HasMaxLength(32);
        builder.Property(i => i.UserId).IsRequired().HasMaxLength(450);
        builder.Property(i => i.UserName).IsRequired().HasMaxLength(256);
        builder.Property(i => i.Address).IsRequired().HasMaxLength(80);
        builder.Property(i => i.Curve).IsRequired().HasMaxLength(16);
        builder.Property(i => i.PublicKey).IsRequired().HasMaxLength(132);
        builder.Property(i => i.FieldsJson).IsRequired().HasMaxLength(20000);
        builder.Property(i => i.FieldsHash).IsRequired().HasMaxLength(66);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TransactionHash).HasMaxLength(66);
        builder.Property(i => i.ChangedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.IdentityChainId, i.RegisteredAt });
        builder.HasIndex(i => i.UserId);
        builder.HasOne<IdentityChainProfile>().WithMany().HasForeignKey(i => i.IdentityChainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityChallengeConfiguration : IEntityTypeConfiguration<IdentityChallenge>
{
    public void Configure(EntityTypeBuilder<IdentityChallenge> builder)
    {
        builder.ToTable("IdentityChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Nonce).IsRequired().HasMaxLength(64);
        builder.Property(c => c.IdentityChainId).IsRequired().HasMaxLength(32);
        builder.Property(c => c.IdentityId).HasMaxLength(66);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.NetworkId).HasMaxLength(32);
        builder.Property(c => c.TransactionHash).HasMaxLength(66);
        builder.HasIndex(c => c.Nonce).IsUnique();
        // The page lists a chain's newest challenges; the issuer counts an identity's open ones.
        builder.HasIndex(c => new { c.IdentityChainId, c.Id });
        builder.HasIndex(c => new { c.IdentityId, c.ExpiresAt });
        builder.HasOne<IdentityChainProfile>().WithMany().HasForeignKey(c => c.IdentityChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkIdentityRequirementConfiguration : IEntityTypeConfiguration<NetworkIdentityRequirement>
{
    public void Configure(EntityTypeBuilder<NetworkIdentityRequirement> builder)
    {
        builder.ToTable("NetworkIdentityRequirements");
        builder.HasKey(r => r.NetworkId);
        builder.Property(r => r.NetworkId).HasMaxLength(32);
        builder.Property(r => r.IdentityChainId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.SetBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(r => r.IdentityChainId);
        builder.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        // Named here: the convention's name is past PostgreSQL's 63-character identifiers.
        builder.HasOne<IdentityChainProfile>().WithMany().HasForeignKey(r => r.IdentityChainId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("FK_NetworkIdentityRequirements_IdentityChainId");
    }
}
