using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;

namespace NutPortal.Core.Persistence.Configurations;

internal sealed class OracleRequestConfiguration : IEntityTypeConfiguration<OracleRequest>
{
    public void Configure(EntityTypeBuilder<OracleRequest> builder)
    {
        builder.ToTable("OracleRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.UserId).IsRequired().HasMaxLength(450);
        builder.Property(r => r.Contract).HasMaxLength(64);
        builder.Property(r => r.CallerRequestId).HasMaxLength(100);
        builder.Property(r => r.Url).IsRequired().HasMaxLength(2048);
        builder.Property(r => r.Host).IsRequired().HasMaxLength(255);
        builder.Property(r => r.Method).IsRequired().HasMaxLength(8);
        builder.Property(r => r.Selector).HasMaxLength(500);
        builder.Property(r => r.ResultType).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Callback).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Value).HasMaxLength(4096);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.ChainKey).HasMaxLength(120);
        builder.Property(r => r.Fulfilment).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.FulfilmentTx).HasMaxLength(66);
        builder.Property(r => r.FulfilmentError).HasMaxLength(500);
        builder.HasIndex(r => r.ChainKey).IsUnique();
        builder.Ignore(r => r.IsFinished);
        // The page and the API list newest first, optionally by one of these filters.
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.NetworkId, r.CreatedAt });
        builder.HasIndex(r => new { r.Host, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OracleDeploymentConfiguration : IEntityTypeConfiguration<OracleDeployment>
{
    public void Configure(EntityTypeBuilder<OracleDeployment> builder)
    {
        builder.ToTable("OracleDeployments");
        builder.HasKey(d => d.NetworkId);
        builder.Property(d => d.NetworkId).HasMaxLength(32);
        builder.Property(d => d.ContractAddress).IsRequired().HasMaxLength(64);
        builder.Property(d => d.OracleAddress).IsRequired().HasMaxLength(64);
        builder.Property(d => d.ProtectedPrivateKey).IsRequired();
        builder.Property(d => d.TransactionHash).IsRequired().HasMaxLength(66);
        builder.Property(d => d.DeployedBy).IsRequired().HasMaxLength(450);
        builder.HasOne<Network>().WithOne().HasForeignKey<OracleDeployment>(d => d.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OracleScheduleConfiguration : IEntityTypeConfiguration<OracleSchedule>
{
    public void Configure(EntityTypeBuilder<OracleSchedule> builder)
    {
        builder.ToTable("OracleSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.UserId).IsRequired().HasMaxLength(450);
        builder.Property(s => s.SubmissionJson).IsRequired();
        builder.Property(s => s.Cron).IsRequired().HasMaxLength(100);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
