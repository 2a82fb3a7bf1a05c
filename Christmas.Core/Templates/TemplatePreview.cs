using Christmas.Core.Common;
using Christmas.Core.Contacts;
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
    TemplateStore store,
    SampleVariables samples,
    EmailVariables emailVariables,
    TimeProvider time)
{
    /// <param name="contactEmail">
    /// Null or empty: sample data. A contact whose segment has another key of this family (the base's
    /// variant, or another variant) gets that key's saved text, so that is what is rendered, with a notice.
    /// </param>
    public async Task<TemplatePreviewResult> RenderAsync(string key, string subject, string body, string? contactEmail, CancellationToken ct)
    {
        var errors = await renderer.ValidateAsync(subject, body);
        var target = string.IsNullOrWhiteSpace(contactEmail)
            ? new Target(samples.For(key), key, null)
            : await ForContactAsync(key, contactEmail, ct);
        if (target is null) return new TemplatePreviewResult(null, [$"There is no contact with the email {contactEmail!.Trim()}."], new Dictionary<string, string?>())
            { UnknownContact = true };
        var variables = target.Variables;
        if (errors.Count > 0) return new TemplatePreviewResult(null, errors, variables);
        try
        {
            if (target.Key != key && await store.CurrentAsync(target.Key, ct) is { } received)
                return new TemplatePreviewResult(await renderer.RenderAsync(received, variables), [], variables, received.Key,
                    $"{contactEmail!.Trim()} {(target.Segment is { } s ? $"is in segment {s.ToSegmentName()}" : "has no segment")}, so they get {received.Key} (v{received.Version}), not {key}: "
                    + "that is what is shown. Your edits here do not reach them.");
            return new TemplatePreviewResult(await renderer.RenderDraftAsync(key, subject, body, variables), [], variables, key);
        }
        catch (TemplateException ex)
        {
            return new TemplatePreviewResult(null, [ex.Message], variables);
        }
    }

    /// <summary>
    /// The saved text of <paramref name="key"/> as <see cref="RenderAsync"/> shows it (the contact's segment
    /// variant when one applies), nothing saved: the API's preview. Not found: the key or the contact.
    /// </summary>
    public async Task<Outcome<RenderedEmail>> RenderSavedAsync(string key, string? contactEmail, CancellationToken ct)
    {
        if (await store.CurrentAsync(key, ct) is not { } saved) return Outcome<RenderedEmail>.NotFound($"There is no template '{key}'.");
        var result = await RenderAsync(key, saved.Subject, saved.Body, contactEmail, ct);
        if (result.Email is { } email) return Outcome<RenderedEmail>.Ok(email);
        var errors = string.Join(" ", result.Errors);
        return result.UnknownContact ? Outcome<RenderedEmail>.NotFound(errors) : Outcome<RenderedEmail>.Invalid(errors);
    }

    /// <summary>The variables to render with, the key the contact gets from this family, and its segment.</summary>
    private sealed record Target(IReadOnlyDictionary<string, string?> Variables, string Key, Segment? Segment);

    private async Task<Target?> ForContactAsync(string key, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Email == normalized, ct);
        if (contact is null) return null;
        var kind = library.SequenceOf(key)?.Name ?? "";
        var sequence = await db.Sequences.AsNoTracking().Where(s => s.ContactId == contact.Id && s.Kind == kind)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        // No sequence of this kind yet: the contact's own data, without a payload.
        var now = time.GetUtcNow().UtcDateTime;
        sequence ??= new Sequence(contact.Id, kind, SequenceMode.Production, "", now, now, "{}", "", []);
        var received = SegmentVariants.KeyFor(SegmentVariants.BaseKey(key), contact.Segment, await TemplateStore.KeysAsync(db, ct));
        return new Target(await emailVariables.ForAsync(contact, sequence, ct), received, contact.Segment);
    }
}
