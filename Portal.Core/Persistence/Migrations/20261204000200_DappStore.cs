using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>The DApp store (DApps, their contracts and uploaded front ends) and the community (reviews, threads, replies, abuse reports).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204000200_DappStore")]
public sealed class DappStoreAndCommunity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Dapps",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Summary = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 20000, nullable: false),
                Category = table.Column<string>(maxLength: 32, nullable: false),
                NetworkId = table.Column<string>(maxLength: 32, nullable: false),
                OrganizationId = table.Column<string>(maxLength: 32, nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                OwnerName = table.Column<string>(maxLength: 256, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                FrontEnd = table.Column<string>(maxLength: 16, nullable: false),
                BundleId = table.Column<long>(nullable: true),
                Icon = table.Column<byte[]>(nullable: true),
                IconContentType = table.Column<string>(maxLength: 32, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Dapps", x => x.Id);
                table.ForeignKey("FK_Dapps_Networks_NetworkId", x => x.NetworkId, "Networks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Dapps_State_PublishedAt", "Dapps", ["State", "PublishedAt"]);
        migrationBuilder.CreateIndex("IX_Dapps_NetworkId", "Dapps", "NetworkId");
        migrationBuilder.CreateIndex("IX_Dapps_OrganizationId", "Dapps", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "DappContracts",
            columns: table => new
            {
                DappId = table.Column<string>(maxLength: 32, nullable: false),
                DeployedContractId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DappContracts", x => new { x.DappId, x.DeployedContractId });
                table.ForeignKey("FK_DappContracts_Dapps_DappId", x => x.DappId, "Dapps", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DappContracts_DeployedContracts_DeployedContractId", x => x.DeployedContractId, "DeployedContracts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DappContracts_DeployedContractId", "DappContracts", "DeployedContractId");

        migrationBuilder.CreateTable(
            name: "DappBundles",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                DappId = table.Column<string>(maxLength: 32, nullable: false),
                Version = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 32, nullable: false),
                FileCount = table.Column<int>(nullable: false),
                TotalBytes = table.Column<long>(nullable: false),
                EntryPoint = table.Column<string>(maxLength: 256, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DappBundles", x => x.Id);
                table.ForeignKey("FK_DappBundles_Dapps_DappId", x => x.DappId, "Dapps", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DappBundles_Key", "DappBundles", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_DappBundles_DappId_Version", "DappBundles", ["DappId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "DappReviews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                DappId = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                Stars = table.Column<int>(nullable: false),
                Body = table.Column<string>(maxLength: 10000, nullable: false),
                Hidden = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DappReviews", x => x.Id);
                table.ForeignKey("FK_DappReviews_Dapps_DappId", x => x.DappId, "Dapps", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DappReviews_DappId_UserId", "DappReviews", ["DappId", "UserId"], unique: true);

        CreateCommunity(migrationBuilder);
    }

    private static void CreateCommunity(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommunityThreads",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                DappId = table.Column<string>(maxLength: 32, nullable: true),
                Title = table.Column<string>(maxLength: 150, nullable: false),
                Body = table.Column<string>(maxLength: 10000, nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 256, nullable: false),
                ReplyCount = table.Column<int>(nullable: false),
                Hidden = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                LastActivityAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunityThreads", x => x.Id);
                table.ForeignKey("FK_CommunityThreads_Dapps_DappId", x => x.DappId, "Dapps", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommunityThreads_DappId_LastActivityAt", "CommunityThreads", ["DappId", "LastActivityAt"]);
        migrationBuilder.CreateIndex("IX_CommunityThreads_LastActivityAt", "CommunityThreads", "LastActivityAt");
        migrationBuilder.CreateIndex("IX_CommunityThreads_CreatedAt", "CommunityThreads", "CreatedAt");

        migrationBuilder.CreateTable(
            name: "CommunityReplies",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                ThreadId = table.Column<long>(nullable: false),
                Body = table.Column<string>(maxLength: 10000, nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 256, nullable: false),
                Hidden = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunityReplies", x => x.Id);
                table.ForeignKey("FK_CommunityReplies_CommunityThreads_ThreadId", x => x.ThreadId, "CommunityThreads", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommunityReplies_ThreadId_Id", "CommunityReplies", ["ThreadId", "Id"]);

        migrationBuilder.CreateTable(
            name: "AbuseReports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).AutoIncrement(),
                Target = table.Column<string>(maxLength: 16, nullable: false),
                TargetId = table.Column<long>(nullable: false),
                ReporterId = table.Column<string>(maxLength: 450, nullable: false),
                ReporterName = table.Column<string>(maxLength: 256, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AbuseReports", x => x.Id));
        migrationBuilder.CreateIndex("IX_AbuseReports_CreatedAt", "AbuseReports", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AbuseReports");
        migrationBuilder.DropTable("CommunityReplies");
        migrationBuilder.DropTable("CommunityThreads");
        migrationBuilder.DropTable("DappReviews");
        migrationBuilder.DropTable("DappBundles");
        migrationBuilder.DropTable("DappContracts");
        migrationBuilder.DropTable("Dapps");
    }
}
