using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Christmas.Core.Persistence.Dialects;

/// <summary>
/// <c>PRAGMA secure_delete</c> on every SQLite connection: a deleted or rewritten row's old bytes are
/// zeroed in the file instead of left in free space, so an erased person cannot be read back from the
/// database file. A per-connection setting, hence set at each open (no I/O: it changes how later writes free space).
/// </summary>
public sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    public static readonly SecureDeleteInterceptor Instance = new();
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
