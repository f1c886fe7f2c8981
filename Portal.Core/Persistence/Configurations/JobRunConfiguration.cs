using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Jobs;

namespace NutPortal.Core.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.JobName).IsRequired().HasMaxLength(200);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.Error).HasMaxLength(8000);
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}
