using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Explorer;

/// <summary>
/// Inserts indexed rows with multi-row INSERT statements on the context's connection and transaction.
/// EF's change tracker and per-row RETURNING of generated keys cost several times the fetch from the node
/// (see `bench indexer`); these rows are write-once and nothing reads their generated ids back. Table,
/// column names, quoting and value conversion all come from the EF model, so the SQL is right on SQLite
/// and PostgreSQL alike.
/// </summary>
public static class ChainRowWriter
{
    // Small statements: Microsoft.Data.Sqlite looks each named parameter up in the statement (a linear search),
    // so binding costs grow with the square of the parameters per statement; 500-row statements (8,500
    // parameters) held the write lock for over 30 s on 15,000 transactions. 32 rows keep that cost negligible
    // and still save most per-statement round trips on PostgreSQL.
    private const int MaxParametersPerStatement = 1_000;
    private const int MaxRowsPerStatement = 32;

    public static async Task InsertAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey())
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping())).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var perStatement = Math.Min(MaxRowsPerStatement, MaxParametersPerStatement / columns.Count);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(prefix, prefix.Length + (count * columns.Count * 8));
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{(r * columns.Count) + c}";
                    text.Append(c == 0 ? name : ", " + name);
                    var (property, _, mapping) = columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(rows[start + r]), property.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
