using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Retention;

/// <summary>Reads <see cref="DatabaseSize"/> through the dialect: page count on SQLite, pg_database_size and estimates on PostgreSQL.</summary>
public sealed class DatabaseSizeReader(IDbContextFactory<CampaignDbContext> contexts, SqlDialect dialect)
{
    public async Task<DatabaseSize> ReadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = await dialect.TableRowsAsync(db, tables, ct);
        return new DatabaseSize(dialect.Provider.ToString(), await dialect.SizeAsync(db, ct), rows);
    }
}
