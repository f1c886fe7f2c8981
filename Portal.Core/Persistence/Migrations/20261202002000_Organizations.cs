using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Organizations and consortia. Every existing network, contract project, scan and alert rule lands in the
/// "Default" organization, whose members are today's users with their portal roles mapped (Admin → Owner,
/// Operator → Operator, Developer → Developer, anyone else → Member). Network names become unique per organization.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202002000_Organizations")]
public sealed class Organizations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organizations",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Organizations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OrganizationMembers",
            columns: table => new
            {
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganizationMembers", x => new { x.OrganizationId, x.UserId, x.Role });
                table.ForeignKey("FK_OrganizationMembers_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NetworkMembers",
            columns: table => new
            {
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                AddedBy = table.Column<string>(maxLength: 256, nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkMembers", x => new { x.NetworkId, x.OrganizationId });
                table.ForeignKey("FK_NetworkMembers_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OrganizationAudit",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_OrganizationAudit", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Role = table.Column<string>(maxLength: 16, nullable: true),
                NetworkId = table.Column<string>(maxLength: 32, nullable: true),
                InvitedOrganizationId = table.Column<string>(maxLength: 32, nullable: true),
                TokenHash = table.Column<string>(maxLength: 64, nullable: true),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                AcceptedBy = table.Column<string>(maxLength: 256, nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invitations", x => x.Id);
                table.ForeignKey("FK_Invitations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Organizations_Name", "Organizations", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_OrganizationMembers_UserId", "OrganizationMembers", "UserId");
        migrationBuilder.CreateIndex("IX_NetworkMembers_OrganizationId", "NetworkMembers", "OrganizationId");
        migrationBuilder.CreateIndex("IX_OrganizationAudit_OrganizationId_At", "OrganizationAudit", ["OrganizationId", "At"]);
        migrationBuilder.CreateIndex("IX_Invitations_TokenHash", "Invitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Invitations_InvitedOrganizationId", "Invitations", "InvitedOrganizationId");
        migrationBuilder.CreateIndex("IX_Invitations_OrganizationId", "Invitations", "OrganizationId");

        migrationBuilder.AddColumn<string>(name: "CurrentOrganizationId", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "OrganizationId", table: "NetworkNodes", maxLength: 32, nullable: true);
        foreach (var table in new[] { "Networks", "ContractProjects", "Scans", "AlertRules" })
        {
            migrationBuilder.AddColumn<string>(name: "OrganizationId", table: table, maxLength: 32, nullable: false, defaultValue: "default");
        }
        migrationBuilder.DropIndex("IX_Networks_Name", "Networks");
        migrationBuilder.CreateIndex("IX_Networks_OrganizationId_Name", "Networks", ["OrganizationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_ContractProjects_OrganizationId", "ContractProjects", "OrganizationId");

        migrationBuilder.Sql("""
            INSERT INTO "Organizations" ("Id", "Name", "CreatedBy", "CreatedAt") VALUES ('default', 'Default', 'upgrade', CURRENT_TIMESTAMP);
            """);
        foreach (var (portalRole, orgRole) in new[] { ("Admin", "Owner"), ("Operator", "Operator"), ("Developer", "Developer") })
        {
            migrationBuilder.Sql($"""
                INSERT INTO "OrganizationMembers" ("OrganizationId", "UserId", "Role", "JoinedAt")
                SELECT 'default', u."Id", '{orgRole}', u."CreatedAt" FROM "AspNetUsers" u
                WHERE EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE ur."UserId" = u."Id" AND r."Name" = '{portalRole}');
                """);
        }
        migrationBuilder.Sql("""
            INSERT INTO "OrganizationMembers" ("OrganizationId", "UserId", "Role", "JoinedAt")
            SELECT 'default', u."Id", 'Member', u."CreatedAt" FROM "AspNetUsers" u
            WHERE NOT EXISTS (SELECT 1 FROM "OrganizationMembers" m WHERE m."UserId" = u."Id");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContractProjects_OrganizationId", "ContractProjects");
        migrationBuilder.DropIndex("IX_Networks_OrganizationId_Name", "Networks");
        migrationBuilder.CreateIndex("IX_Networks_Name", "Networks", "Name", unique: true);
        foreach (var table in new[] { "Networks", "ContractProjects", "Scans", "AlertRules", "NetworkNodes" })
        {
            migrationBuilder.DropColumn(name: "OrganizationId", table: table);
        }
        migrationBuilder.DropColumn(name: "CurrentOrganizationId", table: "AspNetUsers");
        foreach (var table in new[] { "Invitations", "OrganizationAudit", "NetworkMembers", "OrganizationMembers", "Organizations" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
