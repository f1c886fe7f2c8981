using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.DappStore;

namespace NutPortal.Core.Community;

internal sealed class DappReviewConfiguration : IEntityTypeConfiguration<DappReview>
{
    public void Configure(EntityTypeBuilder<DappReview> builder)
    {
        builder.ToTable("DappReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.DappId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.UserId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.UserName).IsRequired().HasMaxLength(256);
        builder.Property(r => r.Body).IsRequired().HasMaxLength(CommunityLimits.BodyLength);
        // One rating per user per DApp, whatever arrives at once.
        builder.HasIndex(r => new { r.DappId, r.UserId }).IsUnique();
        builder.HasOne<Dapp>().WithMany().HasForeignKey(r => r.DappId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityThreadConfiguration : IEntityTypeConfiguration<CommunityThread>
{
    public void Configure(EntityTypeBuilder<CommunityThread> builder)
    {
        builder.ToTable("CommunityThreads");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.DappId).HasMaxLength(32);
        builder.Property(t => t.Title).IsRequired().HasMaxLength(CommunityLimits.TitleLength);
        builder.Property(t => t.Body).IsRequired().HasMaxLength(CommunityLimits.BodyLength);
        builder.Property(t => t.AuthorId).IsRequired().HasMaxLength(450);
        builder.Property(t => t.AuthorName).IsRequired().HasMaxLength(256);
        builder.HasIndex(t => new { t.DappId, t.LastActivityAt });
        builder.HasIndex(t => t.LastActivityAt);
        builder.HasIndex(t => t.CreatedAt);
        builder.HasOne<Dapp>().WithMany().HasForeignKey(t => t.DappId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityReplyConfiguration : IEntityTypeConfiguration<CommunityReply>
{
    public void Configure(EntityTypeBuilder<CommunityReply> builder)
    {
        builder.ToTable("CommunityReplies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Body).IsRequired().HasMaxLength(CommunityLimits.BodyLength);
        builder.Property(r => r.AuthorId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.AuthorName).IsRequired().HasMaxLength(256);
        builder.HasIndex(r => new { r.ThreadId, r.Id });
        builder.HasOne<CommunityThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbuseReportConfiguration : IEntityTypeConfiguration<AbuseReport>
{
    public void Configure(EntityTypeBuilder<AbuseReport> builder)
    {
        builder.ToTable("AbuseReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Target).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReporterId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.ReporterName).IsRequired().HasMaxLength(256);
        builder.Property(r => r.Reason).IsRequired().HasMaxLength(CommunityLimits.ReasonLength);
        builder.HasIndex(r => r.CreatedAt);
    }
}
