using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Security policies per network (every saved version kept), each network's protected data key, and the audit of payload decryptions.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261205000200_SecurityPolicies")]
public sealed class SecurityPolicies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SecurityPolicyVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                Version = table.Column<int>(nullable: false),
                Document = table.Column<string>(nullable: false),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SecurityPolicyVersions", x => x.Id);
                table.ForeignKey("FK_SecurityPolicyVersions_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SecurityPolicyVersions_NetworkId_Version", "SecurityPolicyVersions", ["NetworkId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "NetworkDataKeys",
            columns: table => new
            {
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                KeyId = table.Column<string>(maxLength: 16, nullable: false),
                ProtectedKey = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkDataKeys", x => x.NetworkId);
                table.ForeignKey("FK_NetworkDataKeys_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PayloadDecryptions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                Level = table.Column<string>(maxLength: 16, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PayloadDecryptions", x => x.Id);
                table.ForeignKey("FK_PayloadDecryptions_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PayloadDecryptions_NetworkId_Id", "PayloadDecryptions", ["NetworkId", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PayloadDecryptions");
        migrationBuilder.DropTable("NetworkDataKeys");
        migrationBuilder.DropTable("SecurityPolicyVersions");
    }
}
