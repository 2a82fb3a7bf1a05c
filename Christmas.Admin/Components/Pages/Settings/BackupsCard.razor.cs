using Christmas.Admin.Security;
using Christmas.Core.Audit;
using Christmas.Core.Backups;
using Christmas.Core.Persistence.Dialects;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Christmas.Admin.Components.Pages.Settings;

/// <summary>The backups (file, time, size) and "Back up now", audited like <c>POST /api/backups</c>.</summary>
public partial class BackupsCard
{
    [Inject] private BackupFolder Folder { get; set; } = default!;
    [Inject] private SqliteBackupMaker Maker { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private SqlDialect Dialect { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private bool OnSqlite => Dialect is SqliteDialect;
    private IReadOnlyList<BackupEntry> Backups { get; set; } = [];
    private bool Running { get; set; }
    private bool Failed { get; set; }
    private string? Result { get; set; }

    protected override void OnInitialized()
    {
        if (OnSqlite) Backups = Folder.List();
    }

    private async Task BackUpAsync()
    {
        (Running, Result) = (true, null);
        try
        {
            var made = await Maker.MakeAsync(CancellationToken.None);
            Failed = made.Value is null;
            if (made.Value is { } entry)
            {
                await Audit.RecordAsync((await Auth).User.ActorName(), "backup.create", entry.File, $"{entry.Bytes} bytes", CancellationToken.None);
                Result = $"Made {entry.File} ({Size(entry.Bytes)}).";
            }
            else
            {
                Result = made.Error;
            }
            Backups = Folder.List();
        }
        finally
        {
            Running = false;
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
