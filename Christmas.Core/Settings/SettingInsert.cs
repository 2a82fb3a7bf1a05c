using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Settings;

/// <summary>
/// Stores a generated setting unless its key exists: the first instance wins and the others read its value.
/// An EF insert that lost that race was handled, but EF had already logged it as an error, a false alarm for
/// whoever is on call whenever two instances started together.
/// </summary>
public static class SettingInsert
{
    public static Task IfAbsentAsync(CampaignDbContext db, string key, string value, DateTime now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""INSERT INTO "Settings" ("Key", "Value", "UpdatedAt") VALUES ({key}, {value}, {now}) ON CONFLICT ("Key") DO NOTHING""", ct);
}
