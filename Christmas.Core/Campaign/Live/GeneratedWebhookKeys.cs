using System.Security.Cryptography;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Persistence;
using Christmas.Core.Settings;
using Christmas.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Campaign.Live;

/// <summary>
/// Keys of handlers the guide does not name, generated when the handler is first published and stored in
/// the Settings table (<c>webhook-key:&lt;handler&gt;</c>), so every instance and every restart uses the same one.
/// <c>Webhooks:Keys:&lt;handler&gt;</c> still overrides it.
/// </summary>
public sealed class GeneratedWebhookKeys(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time)
{
    public const string SettingPrefix = "webhook-key:";

    public async Task<IReadOnlyDictionary<string, string>> ForAsync(CampaignDocument document, CancellationToken ct)
    {
        var names = document.Handlers.Select(h => h.Name).Where(n => GuideKeys.Find(n) is null).ToList();
        if (names.Count == 0) return new Dictionary<string, string>();
        var settingKeys = names.Select(n => SettingPrefix + n).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Settings.AsNoTracking().Where(s => settingKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var missing = settingKeys.Where(k => !stored.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            // Another instance may generate some first: theirs are read back.
            foreach (var key in missing)
                await SettingInsert.IfAbsentAsync(db, key, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), time.GetUtcNow().UtcDateTime, ct);
            stored = await db.Settings.AsNoTracking().Where(s => settingKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        }
        return stored.ToDictionary(p => p.Key[SettingPrefix.Length..], p => p.Value);
    }
}
