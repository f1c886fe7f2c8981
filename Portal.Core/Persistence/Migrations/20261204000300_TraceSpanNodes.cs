using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Trace spans timed per node (propagation, import on multi-node networks) name their node and block.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000300_TraceSpanNodes")]
public sealed class TraceSpanNodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Node", table: "TraceSpans", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<long>(name: "BlockNumber", table: "TraceSpans", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "BlockNumber", table: "TraceSpans");
        migrationBuilder.DropColumn(name: "Node", table: "TraceSpans");
    }
}
