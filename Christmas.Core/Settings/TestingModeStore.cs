using System.Runtime.CompilerServices;
using Christmas.Core.Audit;
using Christmas.Core.Campaign;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>
/// Testing mode, persisted in the database; <c>Campaign:TestingMode</c> is only its initial value.
/// Cached in memory because every webhook reads it; on a shared database
/// <see cref="SharedSettingsRefresher"/> re-reads it every 2 s, so a change on another instance
/// reaches this one (and its banners) within seconds.
/// </summary>
public sealed class TestingModeStore(IDbContextFactory<CampaignDbContext> contexts, IOptions<CampaignOptions> options, AuditLog audit, TimeProvider time)
{
    private const string Key = "testing_mode";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile StrongBox<bool>? _cached;

    /// <summary>Raised after a change, so every open console page can show or hide its banner.</summary>
    public event Action<bool>? Changed;

    public async Task<bool> IsEnabledAsync(CancellationToken ct)
    {
        if (_cached is { } cached) return cached.Value;
        return await ReadAsync(ct);
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
            await audit.RecordAsync(actor, "testing-mode.set", "testing mode", enabled ? "on" : "off", ct);
        }
        finally
        {
            _gate.Release();
        }
        Changed?.Invoke(enabled);
    }
}
