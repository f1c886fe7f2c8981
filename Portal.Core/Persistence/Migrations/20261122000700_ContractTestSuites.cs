using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Contract test suites, their runs and per-step results.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000700_ContractTestSuites")]
public sealed class ContractTestSuites : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContractTestSuites",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                ProjectId = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                StepsJson = table.Column<string>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractTestSuites", x => x.Id);
                table.ForeignKey("FK_ContractTestSuites_ContractProjects_ProjectId", x => x.ProjectId, "ContractProjects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ContractTestRuns",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                SuiteId = table.Column<string>(maxLength: 32, nullable: false),
                ProjectId = table.Column<string>(maxLength: 32, nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                StepsJson = table.Column<string>(nullable: false),
                Error = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractTestRuns", x => x.Id);
                table.ForeignKey("FK_ContractTestRuns_ContractTestSuites_SuiteId", x => x.SuiteId, "ContractTestSuites", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ContractTestStepResults",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                RunId = table.Column<string>(maxLength: 32, nullable: false),
                Index = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Title = table.Column<string>(maxLength: 256, nullable: false),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                Message = table.Column<string>(maxLength: 4000, nullable: true),
                GasUsed = table.Column<long>(nullable: true),
                DurationMs = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractTestStepResults", x => x.Id);
                table.ForeignKey("FK_ContractTestStepResults_ContractTestRuns_RunId", x => x.RunId, "ContractTestRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ContractTestSuites_ProjectId", "ContractTestSuites", "ProjectId");
        migrationBuilder.CreateIndex("IX_ContractTestRuns_SuiteId_CreatedAt", "ContractTestRuns", ["SuiteId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ContractTestStepResults_RunId_Index", "ContractTestStepResults", ["RunId", "Index"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ContractTestStepResults", "ContractTestRuns", "ContractTestSuites" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
