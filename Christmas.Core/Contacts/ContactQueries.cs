using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Contacts;

/// <summary>Read side of contacts for the API and the console: paged, never loading everyone.</summary>
public sealed class ContactQueries(IDbContextFactory<CampaignDbContext> contexts)
{
    public async Task<Page<ContactSummary>> SearchAsync(string? search, Segment? segment, PageRequest page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query = query.Where(c => EF.Functions.Like(c.Email, pattern, "\\")
                || EF.Functions.Like(c.FirstName, pattern, "\\")
                || EF.Functions.Like(c.BusinessName!, pattern, "\\"));
        }
        if (segment is { } s) query = query.Where(c => c.Segment == s);

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(c => new
            {
                Contact = c,
                Active = db.Sequences.Count(q => q.ContactId == c.Id && q.Status == SequenceStatus.Active),
                LastEmail = db.Steps.Where(st => st.Sequence!.ContactId == c.Id && st.Status == StepStatus.Sent)
                    .Max(st => st.SentAt),
            })
            .ToListAsync(ct);
        var results = rows.Select(r => new ContactSummary(r.Contact.Email, r.Contact.FirstName, r.Contact.BusinessName,
            SegmentName(r.Contact.Segment), r.Contact.Status.ToApiName(), r.Active, r.LastEmail,
            r.Contact.CreatedAt, r.Contact.UpdatedAt)).ToList();
        return new Page<ContactSummary>(results, total, page.Page, page.Size);
    }

    public async Task<ContactDetails?> GetAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Email == normalized, ct);
        if (c is null) return null;
        var sequences = await db.Sequences.AsNoTracking().Include(s => s.Steps)
            .Where(s => s.ContactId == c.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return new ContactDetails(c.Email, c.FirstName, c.BusinessName, SegmentName(c.Segment),
            c.RedSystems, c.OrangeSystems, c.YellowSystems, c.GreenSystems, c.WeakestSystem1, c.WeakestSystem2,
            c.RevenueLeakTotal, c.Status.ToApiName(), c.CreatedAt, c.UpdatedAt,
            sequences.Select(ToView).ToList());
    }

    public static SequenceView ToView(Sequence s) => new(s.Id, s.Kind.ToApiName(), s.Status.ToApiName(), s.Mode.ToApiName(),
        s.AnchorAt, s.CreatedAt, s.EndedAt, s.EndedReason, s.ExecutionId,
        s.Steps.OrderBy(x => x.Number).Select(ToView).ToList());

    public static StepView ToView(Step s) => new(s.Id, s.Number, s.TemplateKey, s.DueAt, s.Status.ToApiName(),
        s.SentBy?.ToApiName(), s.SentAt, s.ProviderMessageId, s.Attempts, s.LastError);

    private static string? SegmentName(Segment? segment) => segment?.ToSegmentName();

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
