using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Christmas.Core.Persistence;

/// <summary>What a failed write says to the person on call: the cause to look at, not a stack trace to decode.</summary>
public static class StorageFault
{
    /// <summary>The database refused or could not take a write (full, read-only, unreachable): the caller should retry, it is not a bug.</summary>
    public static bool IsStorageFailure(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is DbException or DbUpdateException) return true;
        return false;
    }

    public static string Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }:
                    return "the disk holding the database is full (SQLite: database or disk is full)";
                case SqliteException { SqliteErrorCode: 8 }:
                    return "the database file is read-only (SQLite: attempt to write a readonly database)";
                case SqliteException { SqliteErrorCode: 10 }:
                    return "the database file cannot be written: a read-only file or filesystem, or a failing disk (SQLite: disk I/O error)";
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return "the database file is locked by another process (SQLite: database is locked)";
                case PostgresException { SqlState: "53100" }:
                    return "the PostgreSQL server's disk is full (53100 disk_full)";
                case PostgresException { SqlState: "25006" }:
                    return "the PostgreSQL server only reads (25006 read_only_sql_transaction: a standby, or default_transaction_read_only)";
                case PostgresException pg:
                    return $"PostgreSQL refused the write ({pg.SqlState}: {pg.MessageText})";
                case NpgsqlException npgsql:
                    return $"the PostgreSQL server cannot be reached ({npgsql.Message})";
            }
        }
        return error.GetBaseException().Message;
    }
}
