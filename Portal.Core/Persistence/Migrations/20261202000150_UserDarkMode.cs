using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>Each user's theme choice (light or dark), kept across sign-ins.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202000150_UserDarkMode")]
public sealed class UserDarkMode : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>(name: "PrefersDarkMode", table: "AspNetUsers", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "PrefersDarkMode", table: "AspNetUsers");
}
