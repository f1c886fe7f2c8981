using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Consortia grow channels (a network deployed for chosen members, under its consortium), a standard mode (a listed
/// consortium other organizations ask to join) and accounts of their own for member organizations.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203000100_Consortia")]
public sealed class Consortia : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // No foreign key: SQLite cannot add one to an existing table; NetworkService refuses to delete a consortium
        // that still has channels.
        migrationBuilder.AddColumn<string>(name: "ParentNetworkId", table: "Networks", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ListedForJoining", table: "Networks", nullable: false, defaultValue: false);
        migrationBuilder.CreateIndex("IX_Networks_ParentNetworkId", "Networks", "ParentNetworkId");
        migrationBuilder.AddColumn<string>(name: "OrganizationId", table: "NetworkAccounts", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Message", table: "Invitations", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "OrganizationId", table: "Workloads", maxLength: 32, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "OrganizationId", table: "Workloads");
        migrationBuilder.DropColumn(name: "Message", table: "Invitations");
        migrationBuilder.DropColumn(name: "OrganizationId", table: "NetworkAccounts");
        migrationBuilder.DropIndex("IX_Networks_ParentNetworkId", "Networks");
        migrationBuilder.DropColumn(name: "ListedForJoining", table: "Networks");
        migrationBuilder.DropColumn(name: "ParentNetworkId", table: "Networks");
    }
}
