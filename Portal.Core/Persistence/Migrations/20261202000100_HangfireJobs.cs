using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Hangfire keeps job history (in its own SQLite file or PostgreSQL schema), so the portal's own run log retires.
/// The scheduler it replaces kept its state in memory and left no tables to drop.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000100_HangfireJobs")]
public sealed class HangfireJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("JobRuns");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                JobName = table.Column<string>(maxLength: 200, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: true),
                Error = table.Column<string>(maxLength: 8000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_JobRuns", x => x.Id));
        migrationBuilder.CreateIndex("IX_JobRuns_StartedAt", "JobRuns", "StartedAt");
        migrationBuilder.CreateIndex("IX_JobRuns_JobName_StartedAt", "JobRuns", ["JobName", "StartedAt"]);
    }
}
