using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Personal API tokens (hashed) and the background job run log.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000200_ApiTokensAndJobRuns")]
public sealed class ApiTokensAndJobRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

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

        migrationBuilder.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");
        migrationBuilder.CreateIndex("IX_JobRuns_StartedAt", "JobRuns", "StartedAt");
        migrationBuilder.CreateIndex("IX_JobRuns_JobName_StartedAt", "JobRuns", ["JobName", "StartedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ApiTokens");
        migrationBuilder.DropTable("JobRuns");
    }
}
