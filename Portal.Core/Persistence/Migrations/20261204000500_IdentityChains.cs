using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Identity chains: organizations' profiles and registries, users' identities, challenges, and the networks that require an identity answer.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000500_IdentityChains")]
public sealed class IdentityChains : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdentityChainProfiles",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                ProfileJson = table.Column<string>(nullable: false),
                SignatureAlgorithm = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Progress = table.Column<string>(maxLength: 1000, nullable: true),
                NetworkId = table.Column<string>(maxLength: 32, nullable: true),
                ContractAddress = table.Column<string>(maxLength: 42, nullable: true),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 450, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DeployedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdentityChainProfiles", x => x.Id);
                table.ForeignKey("FK_IdentityChainProfiles_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IdentityChainProfiles_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_IdentityChainProfiles_OrganizationId_CreatedAt", "IdentityChainProfiles", ["OrganizationId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_IdentityChainProfiles_NetworkId", "IdentityChainProfiles", "NetworkId");

        migrationBuilder.CreateTable(
            name: "ChainIdentities",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 66, nullable: false),
                IdentityChainId = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                Address = table.Column<string>(maxLength: 80, nullable: false),
                Curve = table.Column<string>(maxLength: 16, nullable: false),
                PublicKey = table.Column<string>(maxLength: 132, nullable: false),
                FieldsJson = table.Column<string>(maxLength: 20000, nullable: false),
                FieldsHash = table.Column<string>(maxLength: 66, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: true),
                ChangedAt = table.Column<DateTime>(nullable: true),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChainIdentities", x => x.Id);
                table.ForeignKey("FK_ChainIdentities_IdentityChainProfiles_IdentityChainId", x => x.IdentityChainId, "IdentityChainProfiles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChainIdentities_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChainIdentities_IdentityChainId_RegisteredAt", "ChainIdentities", ["IdentityChainId", "RegisteredAt"]);
        migrationBuilder.CreateIndex("IX_ChainIdentities_UserId", "ChainIdentities", "UserId");

        migrationBuilder.CreateTable(
            name: "IdentityChallenges",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                Nonce = table.Column<string>(maxLength: 64, nullable: false),
                IdentityChainId = table.Column<string>(maxLength: 32, nullable: false),
                IdentityId = table.Column<string>(maxLength: 66, nullable: true),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                Purpose = table.Column<string>(maxLength: 16, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: true),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                UsedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdentityChallenges", x => x.Id);
                table.ForeignKey("FK_IdentityChallenges_IdentityChainProfiles_IdentityChainId", x => x.IdentityChainId, "IdentityChainProfiles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IdentityChallenges_Nonce", "IdentityChallenges", "Nonce", unique: true);
        migrationBuilder.CreateIndex("IX_IdentityChallenges_IdentityChainId_Id", "IdentityChallenges", ["IdentityChainId", "Id"]);
        migrationBuilder.CreateIndex("IX_IdentityChallenges_IdentityId_ExpiresAt", "IdentityChallenges", ["IdentityId", "ExpiresAt"]);

        migrationBuilder.CreateTable(
            name: "NetworkIdentityRequirements",
            columns: table => new
            {
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                IdentityChainId = table.Column<string>(maxLength: 32, nullable: false),
                SetBy = table.Column<string>(maxLength: 256, nullable: false),
                SetAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NetworkIdentityRequirements", x => x.NetworkId);
                table.ForeignKey("FK_NetworkIdentityRequirements_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NetworkIdentityRequirements_IdentityChainId", x => x.IdentityChainId, "IdentityChainProfiles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_NetworkIdentityRequirements_IdentityChainId", "NetworkIdentityRequirements", "IdentityChainId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NetworkIdentityRequirements");
        migrationBuilder.DropTable("IdentityChallenges");
        migrationBuilder.DropTable("ChainIdentities");
        migrationBuilder.DropTable("IdentityChainProfiles");
    }
}
