using System.Text.Json;
using System.Text.Json.Nodes;
using Christmas.Core.Common;

namespace Christmas.Core.Privacy;

/// <summary>
/// A person's records as one JSON document: every field of every row, stored JSON (payloads, kept
/// messages) embedded as JSON rather than as escaped text. camelCase like the rest of the operator API.
/// </summary>
public static class ExportDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static JsonObject Build(PersonalRecords r, DateTime exportedAt)
    {
        var c = r.Contact;
        var document = new
        {
            exportedAt,
            email = c.Email,
            contact = new
            {
                c.Id, c.Email, c.FirstName, c.BusinessName, Segment = c.Segment?.ToSegmentName(), c.RedSystems, c.OrangeSystems,
                c.YellowSystems, c.GreenSystems, c.WeakestSystem1, c.WeakestSystem2, c.RevenueLeakTotal, Status = c.Status.ToApiName(),
                c.SuppressedAt, c.TimeZone, c.CreatedAt, c.UpdatedAt,
            },
            consent = Contacts.Consent.ConsentView.From(r.Consent),
            sequences = r.Sequences.Select(s => new
            {
                s.Id, Kind = s.Kind, Mode = s.Mode.ToApiName(), Status = s.Status.ToApiName(), s.DedupeKey, s.AnchorAt,
                s.CreatedAt, s.EndedAt, s.EndedReason, s.ExecutionId, Payload = Json(s.PayloadJson),
                Steps = s.Steps.OrderBy(x => x.Number).Select(x => new
                {
                    x.Id, x.Number, x.TemplateKey, x.DueAt, x.SendAt, x.SendAtReason, x.NotBefore, Status = x.Status.ToApiName(),
                    SentBy = x.SentBy?.ToApiName(), x.SentAt, x.ProviderMessageId, x.Attempts, x.LastError,
                    DeliveryStatus = x.DeliveryStatus?.ToApiName(), KeptMessage = Json(x.MessageJson),
                }),
            }),
            executions = r.Executions.Select(e => new
            {
                e.Id, e.FlowId, e.Trigger, e.ReceivedAt, e.EndedAt, e.State, e.ContactEmail, e.SequenceId, e.Deduplicated,
                Payload = Json(e.PayloadJson), e.Logs,
            }),
            deliveryEvents = r.DeliveryEvents.Select(e => new
            {
                e.Id, e.SvixId, e.Type, e.EmailId, e.OccurredAt, e.ReceivedAt, e.StepId, e.AppliedAt, e.Outcome, Payload = Json(e.PayloadJson),
            }),
            suppressions = r.Suppressions.Select(s => new { s.Email, Reason = s.Reason.ToApiName(), s.Source, s.Detail, s.CreatedAt }),
            outboxMessages = r.OutboxMessages.Select(m => new
            {
                m.Id, m.MessageId, m.To, m.StepId, m.TemplateKey, m.Subject, m.Html, m.Text, Variables = Json(m.VariablesJson),
                Headers = Json(m.HeadersJson), m.CreatedAt,
            }),
            auditEntries = r.AuditEntries.Select(a => new { a.Id, a.At, a.Actor, a.Action, a.Target, a.Detail }),
            notionPages = r.NotionPages.Select(p => new { Kind = p.Kind.ToApiName(), p.EntityId, p.PageId, p.PageUrl, p.SyncedAt }),
        };
        return JsonSerializer.SerializeToNode(document, Options)!.AsObject();
    }

    public static byte[] ToUtf8(JsonObject document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <summary>Stored JSON as JSON; text that does not parse stays text (nothing is dropped).</summary>
    private static JsonNode? Json(string? stored)
    {
        if (stored is null) return null;
        try
        {
            return JsonNode.Parse(stored);
        }
        catch (JsonException)
        {
            return JsonValue.Create(stored);
        }
    }
}
