using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace NutPortal.Core.Persistence.Migrations;

/// <summary>
/// Hand-written migrations leave column types to the provider (SQLite or PostgreSQL), which maps them from
/// the CLR type; identity columns carry both providers' annotations and each provider reads its own.
/// </summary>
internal static class MigrationColumns
{
    public static OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> AutoIncrement(
        this OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
