using System.Globalization;
using System.Text;
using System.Text.Json;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Telemetry;

namespace Christmas.Core.Delivery.Events;

/// <summary>
/// Records a verified provider event raw, through the group-commit writer (the app's one
/// writer), and wakes the loop that applies it. A redelivered <c>svix-id</c> is not stored again.
/// </summary>
public sealed class DeliveryEventIntake(GroupCommitWriter writer, DeliverySignal signal, CampaignMetrics metrics, TimeProvider time)
{
    private const string InsertSql = """
        INSERT INTO "DeliveryEvents" ("SvixId", "Type", "EmailId", "OccurredAt", "ReceivedAt", "PayloadJson", "StepId", "AppliedAt", "Outcome", "Attempts", "RetryAt")
        VALUES (@svixId, @type, @emailId, @occurredAt, @receivedAt, @payload, NULL, NULL, NULL, 0, NULL)
        ON CONFLICT ("SvixId") DO NOTHING
        RETURNING "Id"
        """;

    public sealed record Recorded(long? Id, bool Duplicate);

    /// <summary>The fields the loop needs, read from the body; null with a reason when the body is not a Resend event.</summary>
    public static (string Type, string? EmailId, DateTime? OccurredAt)? Parse(ReadOnlySpan<byte> body, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() is not { Length: > 0 and <= 50 } typeName)
            {
                error = "The body must be a JSON object with a string \"type\" (at most 50 characters).";
                return null;
            }
            DateTime? occurred = root.TryGetProperty("created_at", out var created) && created.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.UtcDateTime : null;
            string? emailId = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("email_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (emailId is { Length: > 100 }) emailId = null; // not a provider id: stays unmatched, never truncated into a false match
            return (typeName, emailId, occurred);
        }
        catch (JsonException ex)
        {
            error = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>Answers once the event is committed.</summary>
    public async Task<Recorded> RecordAsync(string svixId, string type, string? emailId, DateTime? occurredAt, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var payload = Encoding.UTF8.GetString(body.Span);
        var id = await writer.RunAsync(async (batch, token) =>
        {
            var insert = batch.Command(InsertSql);
            var p = insert;
            p.Set("@svixId", svixId);
            p.Set("@type", type);
            p.Set("@emailId", emailId);
            p.Set("@occurredAt", occurredAt ?? now);
            p.Set("@receivedAt", now);
            p.Set("@payload", payload);
            return await insert.ExecuteScalarAsync(token) as long?;
        }, ct);
        if (id is not null) signal.Wake();
        metrics.DeliveryEventReceived(type, duplicate: id is null);
        return new Recorded(id, id is null);
    }
}
