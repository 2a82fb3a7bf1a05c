using Christmas.Core.Delivery;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Templates;

/// <summary>
/// Renders an unsaved subject and body as an email, for sample data or for a real contact (with the
/// variables a send would use: the contact's latest data and its latest sequence's payload).
/// Errors are those <see cref="TemplateStore.SaveAsync"/> rejects: parse errors and unknown variables.
/// </summary>
public sealed class TemplatePreview(
    IDbContextFactory<CampaignDbContext> contexts,
    TemplateRenderer renderer,
    TemplateLibrary library,
    SampleVariables samples,
    EmailVariables emailVariables,
    TimeProvider time)
{
    /// <param name="contactEmail">Null or empty: sample data.</param>
    public async Task<TemplatePreviewResult> RenderAsync(string key, string subject, string body, string? contactEmail, CancellationToken ct)
    {
        var errors = await renderer.ValidateAsync(subject, body);
        IReadOnlyDictionary<string, string?>? variables = string.IsNullOrWhiteSpace(contactEmail)
            ? samples.For(key)
            : await ForContactAsync(key, contactEmail, ct);
        if (variables is null) return new TemplatePreviewResult(null, [$"There is no contact with the email {contactEmail!.Trim()}."], new Dictionary<string, string?>());
        if (errors.Count > 0) return new TemplatePreviewResult(null, errors, variables);
        try
        {
            return new TemplatePreviewResult(await renderer.RenderDraftAsync(key, subject, body, variables), [], variables);
        }
        catch (TemplateException ex)
        {
            return new TemplatePreviewResult(null, [ex.Message], variables);
        }
    }

    private async Task<IReadOnlyDictionary<string, string?>?> ForContactAsync(string key, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, ct);
        if (contact is null) return null;
        var kind = library.SequenceOf(key)?.Kind ?? SequenceKind.Assessment;
        var sequence = await db.Sequences.AsNoTracking().Where(s => s.ContactId == contact.Id && s.Kind == kind)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        // No sequence of this kind yet: the contact's own data, without a payload.
        var now = time.GetUtcNow().UtcDateTime;
        sequence ??= new Sequence(contact.Id, kind, SequenceMode.Production, "", now, now, "{}", "", []);
        return await emailVariables.ForAsync(contact, sequence, ct);
    }
}
