using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Leases: which replica runs singleton work (monitoring and alert evaluation) until when.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000800_Leases")]
public sealed class Leases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Leases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Holder = table.Column<string>(maxLength: 128, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Leases", x => x.Name));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Leases");
}
