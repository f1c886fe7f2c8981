using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Oracle requests record when a fulfilment run claimed them, so a run that died mid-way is found and finished.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261206000100_OracleFulfilmentClaims")]
public sealed class OracleFulfilmentClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "FulfilmentClaimedAt", table: "OracleRequests", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "FulfilmentClaimedAt", table: "OracleRequests");
}
