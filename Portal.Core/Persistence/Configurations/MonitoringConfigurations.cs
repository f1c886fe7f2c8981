using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Persistence.Configurations;

internal sealed class MetricSampleConfiguration : IEntityTypeConfiguration<MetricSample>
{
    public void Configure(EntityTypeBuilder<MetricSample> builder)
    {
        builder.ToTable("MetricSamples");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.NodeId).HasMaxLength(32);
        builder.Property(s => s.Metric).IsRequired().HasMaxLength(32);
        builder.HasIndex(s => new { s.NetworkId, s.Metric, s.Resolution, s.Time });
        builder.HasIndex(s => new { s.Resolution, s.Time });
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("AlertRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Name).IsRequired().HasMaxLength(100);
        builder.Property(r => r.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.NodeId).HasMaxLength(32);
        builder.Property(r => r.Metric).IsRequired().HasMaxLength(32);
        builder.Property(r => r.Comparator).IsRequired().HasMaxLength(2);
        builder.Property(r => r.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ChannelsJson).IsRequired();
        builder.Property(r => r.CreatedBy).IsRequired().HasMaxLength(256);
        builder.Property(r => r.OrganizationId).IsRequired().HasMaxLength(32);
        builder.HasIndex(r => r.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(a => a.NodeId).HasMaxLength(32);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.State, a.StartedAt });
        builder.HasIndex(a => a.RuleId);
        builder.HasOne<AlertRule>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertTransitionConfiguration : IEntityTypeConfiguration<AlertTransition>
{
    public void Configure(EntityTypeBuilder<AlertTransition> builder)
    {
        builder.ToTable("AlertTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.AlertId);
        builder.HasOne<Alert>().WithMany().HasForeignKey(t => t.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkloadConfiguration : IEntityTypeConfiguration<Workload>
{
    public void Configure(EntityTypeBuilder<Workload> builder)
    {
        builder.ToTable("Workloads");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(32);
        builder.Property(w => w.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(w => w.Kind).IsRequired().HasMaxLength(16);
        builder.Property(w => w.OrganizationId).HasMaxLength(32);
        builder.Property(w => w.Status).IsRequired().HasMaxLength(16);
        builder.Property(w => w.Error).HasMaxLength(2000);
        builder.Property(w => w.CreatedBy).IsRequired().HasMaxLength(256);
        builder.HasIndex(w => w.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(w => w.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
