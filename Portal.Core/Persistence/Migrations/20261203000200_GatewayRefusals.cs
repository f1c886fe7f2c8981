using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>The JSON-RPC gateway's refusals: each call it did not relay, with the rule that refused it.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000200_GatewayRefusals")]
public sealed class GatewayRefusals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GatewayRefusals",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Caller = table.Column<string>(maxLength: 256, nullable: false),
                Method = table.Column<string>(maxLength: 100, nullable: false),
                Rule = table.Column<string>(maxLength: 32, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: false),
                Sender = table.Column<string>(maxLength: 42, nullable: true),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GatewayRefusals", x => x.Id);
                table.ForeignKey("FK_GatewayRefusals_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_GatewayRefusals_NetworkId_Id", "GatewayRefusals", ["NetworkId", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("GatewayRefusals");
}
