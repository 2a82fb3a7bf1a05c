using System.Net.Mail;
using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Delivery;
using Christmas.Core.Persistence;
using Christmas.Core.Privacy;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Templates;

/// <summary>
/// "Send a test email": the editor's text rendered like the preview, subject prefixed [TEST], sent through
/// the configured sender with a key of its own (never a step's), and audited.
/// </summary>
public sealed class TemplateTestSender(TemplatePreview preview, IEmailSender sender, AuditLog audit,
    IDbContextFactory<CampaignDbContext> contexts, ErasedAddresses erased)
{
    public const string SubjectPrefix = "[TEST] ";

    /// <returns>The provider's message id.</returns>
    public async Task<Outcome<string>> SendAsync(string key, string subject, string body, string to, string? contactEmail,
        string actor, CancellationToken ct)
    {
        var address = to.Trim().ToLowerInvariant();
        if (!IsAddress(address)) return Outcome<string>.Conflict("Enter a valid email address to send the test to.");
        // A test email is still an email: an address that bounced, complained, unsubscribed or was erased gets none.
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await SuppressionList.StopReasonAsync(db, address, await erased.KeyAsync(address, ct), ct) is { } reason)
                return Outcome<string>.Conflict($"{address} is on the suppression list ({reason}): no email is sent to it, tests included.");
        }
        var rendered = await preview.RenderAsync(key, subject, body, contactEmail, ct);
        if (rendered.Email is not { } email) return Outcome<string>.Conflict(string.Join(" ", rendered.Errors));

        var content = email with { Subject = SubjectPrefix + email.Subject };
        var unsubscribe = rendered.Variables.GetValueOrDefault("unsubscribe_url") ?? "";
        var outgoing = new OutgoingEmail(0, address, key, $"test-{Guid.NewGuid():N}", content, EmailHeaders.For(unsubscribe), rendered.Variables);
        string messageId;
        try
        {
            messageId = await sender.SendAsync(outgoing, ct);
        }
        catch (EmailSendException ex)
        {
            return Outcome<string>.Conflict($"The email provider did not accept the test email: {ex.Message}");
        }
        await audit.RecordAsync(actor, "template.test-send", key, $"to {address}, message {messageId}", ct);
        return Outcome<string>.Ok(messageId);
    }

    private static bool IsAddress(string text) =>
        text.Length is > 0 and <= 254 && text.Count(c => c == '@') == 1 && !text.Any(char.IsWhiteSpace)
        && text[(text.IndexOf('@') + 1)..].Contains('.')
        && MailAddress.TryCreate(text, out var parsed) && parsed.Address == text;
}
