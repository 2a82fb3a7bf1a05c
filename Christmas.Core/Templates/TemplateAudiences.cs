using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Templates;

/// <summary>
/// Counts who gets which key of a template family, by the same rule the send uses (<see cref="SegmentVariants"/>):
/// contacts per segment (one grouped count) and, for one family, contacts with its step still to come.
/// </summary>
public sealed class TemplateAudiences(IDbContextFactory<CampaignDbContext> contexts)
{
    /// <summary>Every key of every family in <paramref name="baseKeys"/>: contacts only (<see cref="TemplateAudience.Pending"/> is 0).</summary>
    public async Task<IReadOnlyDictionary<string, TemplateAudience>> ForListAsync(IEnumerable<string> baseKeys, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await TemplateStore.KeysAsync(db, ct);
        var bySegment = await ContactsBySegmentAsync(db, ct);
        return baseKeys.SelectMany(k => Family(k, keys, bySegment, [])).ToDictionary(a => a.Key);
    }

    /// <summary>The family of <paramref name="key"/> (its base and every variant), base first, with the contacts each reaches now.</summary>
    public async Task<IReadOnlyList<TemplateAudience>> ForFamilyAsync(string key, CancellationToken ct)
    {
        var baseKey = SegmentVariants.BaseKey(key);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await TemplateStore.KeysAsync(db, ct);
        var bySegment = await ContactsBySegmentAsync(db, ct);
        var pending = (await db.Steps.AsNoTracking()
                .Where(s => s.TemplateKey == baseKey && (s.Status == StepStatus.Scheduled || s.Status == StepStatus.Sending))
                .Select(s => new { s.Sequence!.ContactId, s.Sequence.Contact!.Segment }).Distinct()
                .ToListAsync(ct))
            .GroupBy(x => Name(x.Segment)).ToDictionary(g => g.Key, g => g.Count());
        return Family(baseKey, keys, bySegment, pending).ToList();
    }

    private static IEnumerable<TemplateAudience> Family(string baseKey, IReadOnlySet<string> keys,
        Dictionary<string, int> contacts, Dictionary<string, int> pending)
    {
        var withVariant = Enum.GetValues<Segment>().Where(s => SegmentVariants.KeyFor(baseKey, s, keys) != baseKey).ToList();
        var without = Enum.GetValues<Segment>().Except(withVariant).ToList();
        Segment?[] baseSegments = [null, .. without.Select(s => (Segment?)s)];
        yield return new TemplateAudience(baseKey, null, without,
            baseSegments.Sum(s => contacts.GetValueOrDefault(Name(s))), baseSegments.Sum(s => pending.GetValueOrDefault(Name(s))));
        foreach (var segment in withVariant)
            yield return new TemplateAudience(SegmentVariants.KeyFor(baseKey, segment, keys), segment, [],
                contacts.GetValueOrDefault(Name(segment)), pending.GetValueOrDefault(Name(segment)));
    }

    private static async Task<Dictionary<string, int>> ContactsBySegmentAsync(CampaignDbContext db, CancellationToken ct) =>
        (await db.Contacts.AsNoTracking().GroupBy(c => c.Segment).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => Name(x.Key), x => x.Count);

    /// <summary>A dictionary key for a segment or none (a dictionary takes no null key).</summary>
    private static string Name(Segment? segment) => segment?.ToString() ?? "";
}
