using System.Text;
using System.Text.Encodings.Web;

namespace Christmas.Core.Templates;

/// <summary>
/// The frame around every email: a 600-px responsive table with inline styles (what Gmail and
/// Outlook keep), and the footer CASL requires: sender, postal address, contact email, unsubscribe link.
/// </summary>
public sealed class EmailLayout
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private static readonly (string Tag, string Styled)[] InlineStyles =
    [
        ("<p>", "<p style=\"margin:0 0 16px;\">"),
        ("<ul>", "<ul style=\"margin:0 0 16px;padding-left:22px;\">"),
        ("<ol>", "<ol style=\"margin:0 0 16px;padding-left:22px;\">"),
        ("<li>", "<li style=\"margin:0 0 6px;\">"),
        ("<h2>", "<h2 style=\"margin:0 0 12px;font-size:20px;line-height:1.3;color:#111827;\">"),
        ("<a href=", "<a style=\"color:#b91c1c;font-weight:bold;\" href="),
    ];

    public string Html(string subject, string contentHtml, IReadOnlyDictionary<string, string?> vars)
    {
        var content = new StringBuilder(contentHtml);
        foreach (var (tag, styled) in InlineStyles) content.Replace(tag, styled);
        var e = HtmlEncoder.Default;
        var unsubscribe = e.Encode(vars.GetValueOrDefault("unsubscribe_url") ?? "");
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{e.Encode(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f4f4f5;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;">
            <tr><td style="padding:28px 32px;{Font}font-size:16px;line-height:1.55;color:#1f2937;">
            {content}
            </td></tr></table>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;">
            <tr><td style="padding:16px 32px;{Font}font-size:12px;line-height:1.5;color:#6b7280;">
            {Footer(vars, e)}<br>
            <a href="{unsubscribe}" style="color:#6b7280;text-decoration:underline;">Unsubscribe</a> from these emails at any time.
            </td></tr></table>
            </td></tr></table>
            </body></html>
            """;
    }

    public string Text(string contentText, IReadOnlyDictionary<string, string?> vars) =>
        $"{contentText.Trim()}\n\n--\n{Footer(vars, null)}\nUnsubscribe: {vars.GetValueOrDefault("unsubscribe_url")}\n";

    private static string Footer(IReadOnlyDictionary<string, string?> vars, HtmlEncoder? e)
    {
        var parts = new[] { "sender_name", "sender_postal_address", "sender_contact_email" }
            .Select(k => vars.GetValueOrDefault(k))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => e is null ? v! : e.Encode(v!));
        return string.Join(e is null ? "\n" : " &middot; ", parts);
    }
}
