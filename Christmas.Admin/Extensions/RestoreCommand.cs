using Christmas.Core.Backups;
using Christmas.Core.Persistence.Dialects;

namespace Christmas.Admin.Extensions;

/// <summary>
/// <c>Christmas.Admin restore &lt;file&gt;</c>: puts a SQLite backup in place of the database and exits (0 done, 1 refused)
/// without starting the web host. The app must be stopped first. Configuration (data directory, provider) is the app's own.
/// </summary>
public sealed class RestoreCommand(string file, string[] hostArgs)
{
    public string[] HostArgs { get; } = hostArgs;

    /// <summary>The command when the first argument is <c>restore</c>; the rest after the file go to the host's configuration.</summary>
    public static RestoreCommand? From(string[] args) =>
        args is ["restore", var file, .. var rest] ? new RestoreCommand(file, rest)
        : args is ["restore"] ? new RestoreCommand("", []) : null;

    public int Run(IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (file.Length == 0)
        {
            error.WriteLine("Usage: Christmas.Admin restore <backup file>   (stop the app first)");
            return 1;
        }
        if (services.GetRequiredService<SqlDialect>() is not SqliteDialect)
        {
            error.WriteLine("The database is PostgreSQL: restore it with pg_restore --clean --if-exists (README, \"Backups and restore\"). Nothing changed.");
            return 1;
        }
        var restored = services.GetRequiredService<DatabaseRestore>().Restore(file);
        if (restored.Value is not { } done)
        {
            error.WriteLine($"Restore refused: {restored.Error} Nothing changed.");
            return 1;
        }
        output.WriteLine($"Restored {done.File}");
        output.WriteLine($"  backup time:   {done.BackupTime:yyyy-MM-dd HH:mm:ss} UTC ({done.BackupTimeSource})");
        output.WriteLine($"  database:      {done.Database}");
        output.WriteLine($"  steps held:    {done.HeldSteps} (every step not yet sent in the backup; release or cancel them on the console's Held page or /api/held-steps)");
        output.WriteLine(done.KeptAside.Count == 0 ? "  kept aside:    nothing (there was no database)" : "  kept aside:    " + string.Join(Environment.NewLine + "                 ", done.KeptAside));
        return 0;
    }
}
