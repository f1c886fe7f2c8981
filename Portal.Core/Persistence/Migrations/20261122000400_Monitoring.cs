using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Metric samples (raw, per-minute, per-hour), alert rules, alerts and their transitions, workloads.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000400_Monitoring")]
public sealed class Monitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MetricSamples",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                NodeId = table.Column<string>(maxLength: 32, nullable: true),
                Metric = table.Column<string>(maxLength: 32, nullable: false),
                Resolution = table.Column<int>(nullable: false),
                Time = table.Column<DateTime>(nullable: false),
                Value = table.Column<double>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MetricSamples", x => x.Id);
                table.ForeignKey("FK_MetricSamples_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlertRules",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                NodeId = table.Column<string>(maxLength: 32, nullable: true),
                Metric = table.Column<string>(maxLength: 32, nullable: false),
                Comparator = table.Column<string>(maxLength: 2, nullable: false),
                Threshold = table.Column<double>(nullable: false),
                ForSeconds = table.Column<int>(nullable: false),
                Severity = table.Column<string>(maxLength: 16, nullable: false),
                ChannelsJson = table.Column<string>(nullable: false),
                SilencedUntil = table.Column<DateTime>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlertRules", x => x.Id);
                table.ForeignKey("FK_AlertRules_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Alerts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                RuleId = table.Column<long>(nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                NodeId = table.Column<string>(maxLength: 32, nullable: true),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Value = table.Column<double>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                FiringAt = table.Column<DateTime>(nullable: true),
                EndedAt = table.Column<DateTime>(nullable: true),
                AcknowledgedAt = table.Column<DateTime>(nullable: true),
                AcknowledgedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Alerts", x => x.Id);
                table.ForeignKey("FK_Alerts_AlertRules_RuleId", x => x.RuleId, "AlertRules", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlertTransitions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                AlertId = table.Column<long>(nullable: false),
                RuleId = table.Column<long>(nullable: false),
                From = table.Column<string>(maxLength: 16, nullable: false),
                To = table.Column<string>(maxLength: 16, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Value = table.Column<double>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlertTransitions", x => x.Id);
                table.ForeignKey("FK_AlertTransitions_Alerts_AlertId", x => x.AlertId, "Alerts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Workloads",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                RatePerSecond = table.Column<int>(nullable: false),
                DurationSeconds = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ReportJson = table.Column<string>(nullable: true),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Workloads", x => x.Id);
                table.ForeignKey("FK_Workloads_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Workloads_NetworkId", "Workloads", "NetworkId");
        migrationBuilder.CreateIndex("IX_MetricSamples_NetworkId_Metric_Resolution_Time", "MetricSamples", ["NetworkId", "Metric", "Resolution", "Time"]);
        migrationBuilder.CreateIndex("IX_MetricSamples_Resolution_Time", "MetricSamples", ["Resolution", "Time"]);
        migrationBuilder.CreateIndex("IX_AlertRules_NetworkId", "AlertRules", "NetworkId");
        migrationBuilder.CreateIndex("IX_Alerts_State_StartedAt", "Alerts", ["State", "StartedAt"]);
        migrationBuilder.CreateIndex("IX_Alerts_RuleId", "Alerts", "RuleId");
        migrationBuilder.CreateIndex("IX_AlertTransitions_AlertId", "AlertTransitions", "AlertId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Workloads", "AlertTransitions", "Alerts", "AlertRules", "MetricSamples" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
