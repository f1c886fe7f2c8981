using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NutPortal.Core.Scanning;

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.ToTable("Scans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).IsRequired();
        builder.Property(s => s.CompilerVersion).HasMaxLength(64);
        builder.Property(s => s.Error).HasMaxLength(4000);
        builder.Property(s => s.CreatedBy).IsRequired().HasMaxLength(256);
        builder.Property(s => s.ProjectId).HasMaxLength(32);
        builder.Property(s => s.OrganizationId).IsRequired().HasMaxLength(32);
        builder.HasIndex(s => s.CreatedAt);
        builder.HasIndex(s => new { s.ProjectId, s.VersionNumber });
        builder.HasIndex(s => new { s.ProjectId, s.CreatedAt });
    }
}
