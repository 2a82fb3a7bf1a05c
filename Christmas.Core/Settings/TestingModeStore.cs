using System.Runtime.CompilerServices;
using Christmas.Core.Audit;
using Christmas.Core.Campaign;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>
/// Testing mode, persisted in the database; <c>Campaign:TestingMode</c> is only its initial value.
/// Cached in memory because every webhook reads it; on a shared database
/// <see cref="SharedSettingsRefresher"/> re-reads it every 2 s, so a change on another instance
/// reaches this one (and its banners) within seconds.
/// </summary>
public sealed class TestingModeStore(IDbContextFactory<CampaignDbContext> contexts, IOptions<CampaignOptions> options, AuditLog audit, TimeProvider time,
    ILogger<TestingModeStore> logger)
{
    private const string Key = "testing_mode";
    private const string SetAction = "testing-mode.set";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile StrongBox<bool>? _cached;

    /// <summary>Raised after a change, so every open console page can show or hide its banner.</summary>
    public event Action<bool>? Changed;

    public async Task<bool> IsEnabledAsync(CancellationToken ct)
    {
        if (_cached is { } cached) return cached.Value;
        return await ReadAsync(ct);
    }

    /// <summary>Which mode is in force and where it came from (the stored value and who set it when, or configuration).</summary>
    public async Task<TestingModeState> StateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct);
        var configured = options.Value.TestingMode;
        if (row is null) return new TestingModeState(configured, false, configured, null, null);
        var by = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SetAction)
            .OrderByDescending(e => e.Id).Select(e => e.Actor).FirstOrDefaultAsync(ct);
        return new TestingModeState(bool.Parse(row.Value), true, configured, row.UpdatedAt, by);
    }

    /// <summary>At start: says which mode is in force and why; a warning when a stored value overrides a different configuration.</summary>
    public async Task LogStartAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        logger.Log(state.OverridesConfiguration ? LogLevel.Warning : LogLevel.Information, "{TestingModeDecision}", state.Describe());
    }

    /// <summary>Reads the stored value again; raises <see cref="Changed"/> when another instance changed it.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var before = _cached?.Value;
        var now = await ReadAsync(ct);
        if (before is { } was && was != now) Changed?.Invoke(now);
    }

    private async Task<bool> ReadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct);
        var enabled = row is null ? options.Value.TestingMode : bool.Parse(row.Value);
        _cached = new StrongBox<bool>(enabled);
        return enabled;
    }

    public async Task SetAsync(bool enabled, string actor, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == Key, ct);
            if (row is null) db.Settings.Add(new Setting(Key, enabled.ToString(), now));
            else
            {
                row.Value = enabled.ToString();
                row.UpdatedAt = now;
            }
            await db.SaveChangesAsync(ct);
            _cached = new StrongBox<bool>(enabled);
            await audit.RecordAsync(actor, SetAction, "testing mode", enabled ? "on" : "off", ct);
        }
        finally
        {
            _gate.Release();
        }
        Changed?.Invoke(enabled);
    }
}
