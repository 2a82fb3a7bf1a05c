using System.Text.Encodings.Web;
using Christmas.Core.Delivery.Unsubscribe;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// The unsubscribe link of every email (RFC 8058). GET only shows a confirmation page: link
/// scanners prefetch URLs. POST unsubscribes at once: anonymous, no cookies or antiforgery (mailbox
/// providers post "List-Unsubscribe=One-Click" themselves), idempotent, 200 and never a redirect.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/u").WithTags("Unsubscribe").AllowAnonymous();
        group.MapGet("/{token}", ConfirmAsync);
        group.MapPost("/{token}", UnsubscribeAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ConfirmAsync(string token, UnsubscribeService unsubscribe, CancellationToken ct) =>
        await unsubscribe.DescribeAsync(token, ct) is { } email
            ? Page(StatusCodes.Status200OK, "Unsubscribe",
                $"""
                <p>Stop all campaign emails to <strong>{Html(email)}</strong>?</p>
                <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button></form>
                """)
            : InvalidLink();

    private static async Task<IResult> UnsubscribeAsync(string token, UnsubscribeService unsubscribe, CancellationToken ct) =>
        await unsubscribe.UnsubscribeAsync(token, ct) is { } email
            ? Page(StatusCodes.Status200OK, "Unsubscribed",
                $"<p><strong>{Html(email)}</strong> will receive no more emails from this campaign.</p>")
            : InvalidLink();

    private static IResult InvalidLink() => Page(StatusCodes.Status404NotFound, "Link not valid",
        "<p>This unsubscribe link is not valid. Please use the link from the email you received, or reply to that email.</p>");

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(int status, string title, string body) => TypedResults.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title></head>
        <body style="font-family: Arial, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
        <h1 style="font-size: 1.4rem">{title}</h1>
        {body}
        </body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
