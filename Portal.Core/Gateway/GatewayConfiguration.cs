using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NutPortal.Core.Gateway;

internal sealed class GatewayRefusalConfiguration : IEntityTypeConfiguration<GatewayRefusal>
{
    public void Configure(EntityTypeBuilder<GatewayRefusal> builder)
    {
        builder.ToTable("GatewayRefusals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.NetworkId).IsRequired().HasMaxLength(32);
        builder.Property(r => r.Caller).IsRequired().HasMaxLength(256);
        builder.Property(r => r.Method).IsRequired().HasMaxLength(100);
        builder.Property(r => r.Rule).IsRequired().HasMaxLength(32);
        builder.Property(r => r.Reason).IsRequired().HasMaxLength(1000);
        builder.Property(r => r.Sender).HasMaxLength(42);
        builder.Property(r => r.TransactionHash).HasMaxLength(66);
        builder.HasIndex(r => new { r.NetworkId, r.Id });
        builder.HasOne<Networks.Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
