using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Resend;

/// <summary>
/// <c>POST /emails</c> with the step's <c>Idempotency-Key</c>: Resend answers a repeated key with
/// the first send's id and sends nothing, so a retried or recovered step never emails twice.
/// Retries (429 with retry-after, 5xx, timeouts, 409 in flight) happen in the HTTP pipeline;
/// what reaches this class is final.
/// </summary>
public sealed class ResendEmailSender(HttpClient http, IOptionsMonitor<EmailOptions> email) : IEmailSender
{
    private static readonly HttpStatusCode[] Permanent = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.UnprocessableEntity];

    public async Task<string> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "emails")
        {
            Content = JsonContent.Create(ResendPayload.For(message, email.CurrentValue)),
        };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);

        using (var response = await ReachAsync(http, request, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
                return (await response.Content.ReadFromJsonAsync<ResendId>(cancellationToken))?.Id
                    ?? throw new EmailSendException("Resend accepted the email without an id.", permanent: false);
            throw await FailureAsync(response, cancellationToken);
        }
    }

    /// <summary>Sends the request; a network error or timeout after the client's retries (or an open circuit) means the step tries again later.</summary>
    internal static async Task<HttpResponseMessage> ReachAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            throw new EmailSendException($"Resend could not be reached: {ex.Message}", permanent: false, ex, unavailable: true);
        }
    }

    /// <summary>A refused request as the step's outcome: permanent, the provider unavailable, or worth a retry.</summary>
    internal static async Task<EmailSendException> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var error = await ReadErrorAsync(response, ct);
        // The same key with another payload: the first send went out; this one must not.
        var permanent = Permanent.Contains(response.StatusCode) || error.Name == "invalid_idempotent_request";
        return new EmailSendException($"Resend {(int)response.StatusCode} {error.Name}: {error.Message}", permanent,
            unavailable: IsUnavailable(response.StatusCode), retryAfter: RetryAfter(response));
    }

    /// <summary>Resend's own trouble (overloaded, rate-limited, down), not the email's: worth trying again.</summary>
    public static bool IsUnavailable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static async Task<ResendError> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ResendError>(ct) ?? new ResendError(null, "no details");
        }
        catch (JsonException)
        {
            return new ResendError(null, (await response.Content.ReadAsStringAsync(ct)).Trim());
        }
    }
}
