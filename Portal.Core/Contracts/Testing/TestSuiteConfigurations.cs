using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NutPortal.Core.Contracts.Testing;

internal sealed class ContractTestSuiteConfiguration : IEntityTypeConfiguration<ContractTestSuite>
{
    public void Configure(EntityTypeBuilder<ContractTestSuite> builder)
    {
        builder.ToTable("ContractTestSuites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.ProjectId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.Name).IsRequired().HasMaxLength(128);
        builder.Property(s => s.StepsJson).IsRequired();
        builder.Property(s => s.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(s => s.ProjectId);
        builder.HasOne<ContractProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractTestRunConfiguration : IEntityTypeConfiguration<ContractTestRun>
{
    public void Configure(EntityTypeBuilder<ContractTestRun> builder)
    {
        builder.ToTable("ContractTestRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.SuiteId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.ProjectId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StepsJson).IsRequired();
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.CancelledBy).HasMaxLength(256);
        builder.Property(r => r.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(r => new { r.SuiteId, r.CreatedAt });
        builder.HasOne<ContractTestSuite>().WithMany().HasForeignKey(r => r.SuiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContractTestStepResultConfiguration : IEntityTypeConfiguration<ContractTestStepResult>
{
    public void Configure(EntityTypeBuilder<ContractTestStepResult> builder)
    {
        builder.ToTable("ContractTestStepResults");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.RunId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.Kind).IsRequired().HasMaxLength(16);
        builder.Property(s => s.Title).IsRequired().HasMaxLength(256);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Message).HasMaxLength(4000);
        builder.HasIndex(s => new { s.RunId, s.Index }).IsUnique();
    }
}
