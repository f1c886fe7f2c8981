using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Traces;

internal sealed class TraceSpanConfiguration : IEntityTypeConfiguration<TraceSpan>
{
    public void Configure(EntityTypeBuilder<TraceSpan> builder)
    {
        builder.ToTable("TraceSpans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(s => s.TransactionHash).IsRequired().HasMaxLength(66);
        builder.Property(s => s.Stage).IsRequired().HasMaxLength(32);
        builder.Property(s => s.Detail).HasMaxLength(2000);
        builder.Property(s => s.Node).HasMaxLength(64);
        builder.HasIndex(s => new { s.NetworkId, s.TransactionHash });
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
