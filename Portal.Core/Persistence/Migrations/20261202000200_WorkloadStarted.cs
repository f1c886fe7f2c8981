using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Workloads record when their job began sending, so a redelivered job never sends twice.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000200_WorkloadStarted")]
public sealed class WorkloadStarted : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "StartedAt", table: "Workloads", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "StartedAt", table: "Workloads");
}
