using Christmas.Core.Common;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Notion.Status;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Contacts;

/// <summary>Read side of contacts for the API and the console: paged, never loading everyone.</summary>
public sealed class ContactQueries(IDbContextFactory<CampaignDbContext> contexts, NotionStatusReader notion, NextSends next)
{
    /// <summary>The API's original shape: search and segment, newest changes first.</summary>
    public Task<Page<ContactSummary>> SearchAsync(string? search, Segment? segment, PageRequest page, CancellationToken ct) =>
        SearchAsync(new ContactFilter(search, segment), ContactOrder.Default, page, ct);

    /// <summary>
    /// One page of contacts. The page's contacts are read first (25 rows, in index order where there is
    /// one), then their active-sequence counts and last emails for those ids only: put in the page's
    /// SELECT, SQLite would compute them for every row it sorts.
    /// </summary>
    public async Task<Page<ContactSummary>> SearchAsync(ContactFilter filter, ContactOrder order, PageRequest page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var (total, contacts) = await FewMatchesAsync(db, query, filter, order, page, ct)
            ?? (await query.CountAsync(ct), await Sorted(query, order).Skip(page.Skip).Take(page.Size).ToListAsync(ct));
        var activity = await ActivityAsync(db, contacts.Select(c => c.Id).ToList(), ct);
        var results = contacts.Select(c => ToSummary(c, activity)).ToList();
        return new Page<ContactSummary>(results, total, page.Page, page.Size);
    }

    private const int FewMatches = 1000;

    /// <summary>
    /// A selective filter (an email, a rare name, a status few contacts have): its matching ids are
    /// collected in one scan, then only those rows are read and sorted. Walking the sort column's index
    /// instead, SQLite would read every contact's row to find the one that matches (0.2 s at 100,000
    /// contacts, bench/README.md).
    /// </summary>
    /// <returns>Null when the filter matches many contacts: the index walk then finds a page's rows quickly.</returns>
    private static async Task<(int, List<Contact>)?> FewMatchesAsync(CampaignDbContext db, IQueryable<Contact> query,
        ContactFilter filter, ContactOrder order, PageRequest page, CancellationToken ct)
    {
        if (filter == ContactFilter.All) return null;
        // An email alone is matched on the email index only (it holds email and id): ordered by email, no row is read.
        var emailOnly = filter is { Search: { } term, Segment: null, WithoutSegment: false, Status: null } && term.Contains('@');
        var ids = await (emailOnly ? query.OrderBy(c => c.Email) : query.OrderBy(c => c.Id))
            .Select(c => c.Id).Take(FewMatches + 1).ToListAsync(ct);
        if (ids.Count > FewMatches) return null;
        var rows = await Sorted(db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)), order)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return (ids.Count, rows);
    }

    /// <summary>Contacts matching <paramref name="filter"/>, no order (callers add one).</summary>
    internal static IQueryable<Contact> Filtered(CampaignDbContext db, ContactFilter filter)
    {
        var query = db.Contacts.AsNoTracking();
        if (filter.Search is { } search)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            // Emails are stored lower-cased: a term with '@' can only match the email, so one LIKE instead of three.
            query = search.Contains('@')
                ? query.Where(c => EF.Functions.Like(c.Email, pattern, "\\"))
                : query.Where(c => EF.Functions.Like(c.Email, pattern, "\\")
                    || EF.Functions.Like(c.FirstName, pattern, "\\")
                    || EF.Functions.Like(c.BusinessName!, pattern, "\\"));
        }
        if (filter.WithoutSegment) query = query.Where(c => c.Segment == null);
        else if (filter.Segment is { } s) query = query.Where(c => c.Segment == s);
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        return query;
    }

    // The id breaks ties in the same direction, so an index on (column) - which holds the rowid - serves the whole order.
    private static IQueryable<Contact> Sorted(IQueryable<Contact> query, ContactOrder order) => (order.By, order.Descending) switch
    {
        (ContactSort.Email, false) => query.OrderBy(c => c.Email),
        (ContactSort.Email, true) => query.OrderByDescending(c => c.Email),
        (ContactSort.Name, false) => query.OrderBy(c => c.FirstName).ThenBy(c => c.Id),
        (ContactSort.Name, true) => query.OrderByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
        (ContactSort.Business, false) => query.OrderBy(c => c.BusinessName).ThenBy(c => c.Id),
        (ContactSort.Business, true) => query.OrderByDescending(c => c.BusinessName).ThenByDescending(c => c.Id),
        (ContactSort.Segment, false) => query.OrderBy(c => c.Segment).ThenBy(c => c.Id),
        (ContactSort.Segment, true) => query.OrderByDescending(c => c.Segment).ThenByDescending(c => c.Id),
        (_, false) => query.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
    };

    /// <summary>
    /// Active sequences and the last email sent, for a page or a batch of contacts. Two plain lookups by
    /// foreign key (sequences by contact, steps by sequence), filtered in memory: joined, with
    /// <c>Status = 'Sent'</c> in SQL, SQLite (no ANALYZE statistics) walked the steps' status index over
    /// every sent step instead - 0.9 s at 400,000 steps (bench/README.md).
    /// </summary>
    internal static async Task<Dictionary<long, (int Active, DateTime? LastEmail)>> ActivityAsync(
        CampaignDbContext db, List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var sequences = await db.Sequences.AsNoTracking().Where(q => ids.Contains(q.ContactId))
            .Select(q => new { q.Id, q.ContactId, q.Status }).ToListAsync(ct);
        var sequenceIds = sequences.Select(q => q.Id).ToList();
        var steps = sequenceIds.Count == 0 ? [] : await db.Steps.AsNoTracking().Where(st => sequenceIds.Contains(st.SequenceId))
            .Select(st => new { st.SequenceId, st.Status, st.SentAt }).ToListAsync(ct);
        var contactOf = sequences.ToDictionary(q => q.Id, q => q.ContactId);
        var lastEmail = steps.Where(st => st.Status == StepStatus.Sent && st.SentAt is not null)
            .GroupBy(st => contactOf[st.SequenceId]).ToDictionary(g => g.Key, g => g.Max(st => st.SentAt));
        var active = sequences.Where(q => q.Status == SequenceStatus.Active).GroupBy(q => q.ContactId).ToDictionary(g => g.Key, g => g.Count());
        return ids.ToDictionary(id => id, id => (active.GetValueOrDefault(id), lastEmail.GetValueOrDefault(id)));
    }

    internal static ContactSummary ToSummary(Contact c, Dictionary<long, (int Active, DateTime? LastEmail)> activity)
    {
        var (active, lastEmail) = activity.GetValueOrDefault(c.Id);
        return new ContactSummary(c.Email, c.FirstName, c.BusinessName, SegmentName(c.Segment), c.Status.ToApiName(),
            active, lastEmail, c.CreatedAt, c.UpdatedAt);
    }

    public async Task<ContactDetails?> GetAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Email == normalized, ct);
        if (c is null) return null;
        var sequences = await db.Sequences.AsNoTracking().Include(s => s.Steps)
            .Where(s => s.ContactId == c.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var (contactPage, sequencePages) = await notion.ForContactAsync(db, c.Id, sequences.Select(s => s.Id).ToList(), ct);
        var events = await EventsAsync(db, sequences.SelectMany(s => s.Steps).Where(s => s.ProviderMessageId != null).Select(s => s.Id).ToList(), ct);
        var templates = await StepTemplates.ForAsync(db, c.Segment, ct);
        var upcoming = await next.ForAsync(db, c, sequences, ct, templates);
        var wouldSkip = upcoming.Where(n => n.WouldSkipBecause is not null).ToDictionary(n => n.StepId, n => n.WouldSkipBecause);
        var consent = await db.ContactConsents.AsNoTracking().FirstOrDefaultAsync(x => x.ContactId == c.Id, ct);
        return new ContactDetails(c.Email, c.FirstName, c.BusinessName, SegmentName(c.Segment),
            c.RedSystems, c.OrangeSystems, c.YellowSystems, c.GreenSystems, c.WeakestSystem1, c.WeakestSystem2,
            c.RevenueLeakTotal, c.Status.ToApiName(), c.CreatedAt, c.UpdatedAt,
            sequences.Select(s => ToView(s, events, wouldSkip, templates) with { Notion = sequencePages[s.Id] }).ToList(), contactPage, c.TimeZone, upcoming,
            Consent.ConsentView.From(consent));
    }

    /// <summary>The delivery events of these steps, oldest first, by step.</summary>
    private static async Task<ILookup<long, DeliveryEventView>> EventsAsync(CampaignDbContext db, List<long> stepIds, CancellationToken ct)
    {
        if (stepIds.Count == 0) return Array.Empty<DeliveryEventView>().ToLookup(_ => 0L);
        var rows = await db.DeliveryEvents.AsNoTracking().Where(e => e.StepId != null && stepIds.Contains(e.StepId.Value))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { StepId = e.StepId!.Value, e.Type, e.OccurredAt }).ToListAsync(ct);
        return rows.ToLookup(r => r.StepId, r => new DeliveryEventView(EventName(r.Type), r.OccurredAt));
    }

    /// <summary><c>email.delivery_delayed</c> → <c>delivery_delayed</c>.</summary>
    public static string EventName(string resendType) => resendType.StartsWith("email.", StringComparison.Ordinal) ? resendType[6..] : resendType;

    /// <param name="templates">Names the steps' templates as the contact gets them; null keeps the steps' base keys.</param>
    public static SequenceView ToView(Sequence s, StepTemplates? templates = null) => ToView(s, null, null, templates);

    /// <param name="templates">Names each step's template as the contact gets it (the segment variant); null keeps the step's base key.</param>
    private static SequenceView ToView(Sequence s, ILookup<long, DeliveryEventView>? events, Dictionary<long, string?>? wouldSkip,
        StepTemplates? templates) =>
        new(s.Id, s.Kind, s.Status.ToApiName(), s.Mode.ToApiName(), s.AnchorAt, s.CreatedAt, s.EndedAt, s.EndedReason, s.ExecutionId,
            s.Steps.OrderBy(x => x.Number).Select(x => ToView(x) with
            {
                TemplateKey = templates?.KeyOf(x) ?? x.TemplateKey,
                Events = events?[x.Id].ToList() ?? [],
                WouldSkipBecause = wouldSkip?.GetValueOrDefault(x.Id),
            }).ToList(), Revision: s.Revision);

    public static StepView ToView(Step s) => new(s.Id, s.Number, s.TemplateKey, s.DueAt, s.Status.ToApiName(),
        s.SentBy?.ToApiName(), s.SentAt, s.ProviderMessageId, s.Attempts, s.LastError,
        s.SendAt, s.SendAtReason, s.DeliveryStatus?.ToApiName(), []);

    private static string? SegmentName(Segment? segment) => segment?.ToSegmentName();

    /// <summary>A LIKE pattern's literal text (escape character <c>\\</c>), shared by every search.</summary>
    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
