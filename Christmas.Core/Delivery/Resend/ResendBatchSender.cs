using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Christmas.Core.Delivery.Batches;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Resend;

/// <summary>
/// <c>POST /emails/batch</c> with <c>x-batch-validation: permissive</c> (one bad address fails only its own
/// member) and the batch's <c>Idempotency-Key</c>. It shares the Resend client's pipeline: the rate gate, quick
/// retries of 429/5xx/timeouts and 409 <c>concurrent_idempotent_requests</c> (the same batch still in flight).
/// </summary>
public sealed class ResendBatchSender(HttpClient http, IOptionsMonitor<EmailOptions> email) : IBatchEmailSender
{
    public const int Limit = 100;

    public int MaxBatchSize => Limit;

    public string Body(IReadOnlyList<OutgoingEmail> emails) =>
        JsonSerializer.Serialize(emails.Select(e => ResendPayload.For(e, email.CurrentValue)).ToList());

    public async Task<IReadOnlyList<BatchMemberOutcome>> SendAsync(string idempotencyKey, string body, int size, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "emails/batch")
        {
            // The stored bytes, not a new serialization: a retry must be byte-identical under its key.
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Add("x-batch-validation", "permissive");

        using (var response = await ResendEmailSender.ReachAsync(http, request, ct))
        {
            if (!response.IsSuccessStatusCode) throw await ResendEmailSender.FailureAsync(response, ct);
            var answer = await response.Content.ReadFromJsonAsync<BatchAnswer>(ct);
            return Outcomes(answer ?? new BatchAnswer(null, null), size);
        }
    }

    /// <summary>
    /// <c>data</c> holds the accepted members' ids in order, <c>errors</c> the refused ones by index: each member
    /// takes the next id unless it is refused.
    /// </summary>
    internal static IReadOnlyList<BatchMemberOutcome> Outcomes(BatchAnswer answer, int size)
    {
        var data = answer.Data ?? [];
        var errors = (answer.Errors ?? []).Where(e => e.Index >= 0 && e.Index < size).ToDictionary(e => e.Index, e => e.Message ?? "refused");
        if (data.Count + errors.Count != size)
            throw new EmailSendException($"Resend answered the batch of {size} with {data.Count} ids and {errors.Count} errors; "
                + "which email got which id cannot be told.", permanent: true);
        var outcomes = new List<BatchMemberOutcome>(size);
        var next = 0;
        for (var i = 0; i < size; i++)
            outcomes.Add(errors.TryGetValue(i, out var error)
                ? new BatchMemberOutcome(null, $"Resend refused this email in its batch: {error}")
                : new BatchMemberOutcome(data[next++].Id ?? throw new EmailSendException("Resend accepted a batch member without an id.", permanent: true), null));
        return outcomes;
    }

    internal sealed record BatchAnswer(
        [property: JsonPropertyName("data")] List<ResendId>? Data,
        [property: JsonPropertyName("errors")] List<BatchError>? Errors);

    internal sealed record BatchError([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("message")] string? Message);
}
