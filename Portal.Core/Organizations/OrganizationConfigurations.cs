using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NutPortal.Core.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(32);
        builder.Property(o => o.Name).IsRequired().HasMaxLength(128);
        builder.Property(o => o.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> builder)
    {
        builder.ToTable("OrganizationMembers");
        builder.HasKey(m => new { m.OrganizationId, m.UserId, m.Role });
        builder.Property(m => m.OrganizationId).HasMaxLength(32);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Role).HasMaxLength(16);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> builder)
    {
        builder.ToTable("NetworkMembers");
        builder.HasKey(m => new { m.NetworkId, m.OrganizationId });
        builder.Property(m => m.NetworkId).HasMaxLength(32);
        builder.Property(m => m.OrganizationId).HasMaxLength(32);
        builder.Property(m => m.AddedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(m => m.OrganizationId);
        builder.HasOne<Networks.Network>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationAuditConfiguration : IEntityTypeConfiguration<OrganizationAuditEntry>
{
    public void Configure(EntityTypeBuilder<OrganizationAuditEntry> builder)
    {
        builder.ToTable("OrganizationAudit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.OrganizationId).IsRequired().HasMaxLength(32);
        builder.Property(a => a.Actor).IsRequired().HasMaxLength(256);
        builder.Property(a => a.Action).IsRequired().HasMaxLength(64);
        builder.Property(a => a.Detail).IsRequired().HasMaxLength(2000);
        builder.HasIndex(a => new { a.OrganizationId, a.At });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(32);
        builder.Property(i => i.Kind).IsRequired().HasMaxLength(16);
        builder.Property(i => i.OrganizationId).IsRequired().HasMaxLength(32);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Role).HasMaxLength(16);
        builder.Property(i => i.NetworkId).HasMaxLength(32);
        builder.Property(i => i.InvitedOrganizationId).HasMaxLength(32);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.AcceptedBy).HasMaxLength(256);
        builder.Property(i => i.Message).HasMaxLength(500);
        builder.Property(i => i.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.InvitedOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
