using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;

namespace Christmas.Core.Suppressions;

/// <summary>An operator's additions and removals (API and console alike), checked and audited in one place.</summary>
public sealed class SuppressionOperations(SuppressionList list, AuditLog audit)
{
    public const string AddAction = "suppression.add";
    public const string RemoveAction = "suppression.remove";

    public async Task<Page<SuppressionView>> SearchAsync(string? search, PageRequest page, CancellationToken ct)
    {
        var found = await list.SearchAsync(search, page, ct);
        return new Page<SuppressionView>(found.Results.Select(SuppressionView.From).ToList(), found.Total, found.PageNumber, found.Size);
    }

    /// <summary>A manual entry: the contact (if any) becomes suppressed and its pending steps are cancelled.</summary>
    /// <param name="source">Who adds it, e.g. "api-token" or "console: ann@example.com".</param>
    public async Task<Outcome<SuppressionView>> AddManualAsync(string email, string? note, string actor, string source, CancellationToken ct)
    {
        if (EmailAddress.Normalize(email, out var normalized) is { } error) return Outcome<SuppressionView>.Invalid($"email {error}");
        var detail = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (await list.FindAsync(normalized!, ct) is { } listed) return AlreadyListed(listed);
        if (!await list.AddAsync(normalized!, SuppressionReason.Manual, source, detail, ct))
            return await list.FindAsync(normalized!, ct) is { } raced ? AlreadyListed(raced) : Outcome<SuppressionView>.Conflict($"{normalized} could not be added; try again.");
        await audit.RecordAsync(actor, AddAction, normalized!, detail, ct);
        return Outcome<SuppressionView>.Ok(SuppressionView.From((await list.FindAsync(normalized!, ct))!));
    }

    /// <summary>Takes the address off the list (Admins only, checked by the caller); the contact becomes active again.</summary>
    public async Task<Outcome<SuppressionView>> RemoveAsync(string email, string actor, CancellationToken ct)
    {
        var key = SuppressionList.Key(email);
        if (await list.FindAsync(key, ct) is not { } entry || !await list.RemoveAsync(key, ct))
            return Outcome<SuppressionView>.NotFound($"{key} is not on the suppression list.");
        await audit.RecordAsync(actor, RemoveAction, key, $"was {entry.Reason.ToApiName()} ({entry.Source})", ct);
        return Outcome<SuppressionView>.Ok(SuppressionView.From(entry));
    }

    private static Outcome<SuppressionView> AlreadyListed(Suppression s) =>
        Outcome<SuppressionView>.Conflict($"{s.Email} is already on the suppression list ({s.Reason.ToApiName()} since {s.CreatedAt:yyyy-MM-dd}).");
}
