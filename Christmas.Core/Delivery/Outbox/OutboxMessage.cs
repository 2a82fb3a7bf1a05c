namespace Christmas.Core.Delivery.Outbox;

/// <summary>An email the built-in Outbox "sent": stored, never delivered anywhere.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public string To { get; private set; } = "";
    public long StepId { get; private set; }
    public string TemplateKey { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public string VariablesJson { get; private set; } = "{}";
    public DateTime CreatedAt { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(string messageId, OutgoingEmail email, string variablesJson, DateTime now)
    {
        MessageId = messageId;
        To = email.To;
        StepId = email.StepId;
        TemplateKey = email.TemplateKey;
        IdempotencyKey = email.IdempotencyKey;
        VariablesJson = variablesJson;
        CreatedAt = now;
    }
}
