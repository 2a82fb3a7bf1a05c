namespace Christmas.Core.Delivery.Outbox;

/// <summary>An email the built-in Outbox "sent": stored whole (headers, HTML, text), never delivered anywhere.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public string To { get; private set; } = "";
    public long StepId { get; private set; }
    public string TemplateKey { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public string VariablesJson { get; private set; } = "{}";
    public string Subject { get; private set; } = "";
    public string Html { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string HeadersJson { get; private set; } = "{}";
    public DateTime CreatedAt { get; private set; }
    /// <summary>When retention (<c>Retention:OutboxBodies</c>) dropped the body (HTML, text, variables, headers); the row stays.</summary>
    public DateTime? PurgedAt { get; private set; }

    private OutboxMessage() { }

    /// <summary>The person it went to was erased: the message keeps its key, template and time, nothing of its content.</summary>
    public void Redact(string placeholderEmail)
    {
        To = placeholderEmail;
        VariablesJson = "{}";
        Subject = "(erased)";
        Html = "";
        Text = "";
        HeadersJson = "{}";
    }

    public OutboxMessage(string messageId, OutgoingEmail email, string variablesJson, string headersJson, DateTime now)
    {
        MessageId = messageId;
        To = email.To;
        StepId = email.StepId;
        TemplateKey = email.TemplateKey;
        IdempotencyKey = email.IdempotencyKey;
        VariablesJson = variablesJson;
        Subject = email.Content.Subject;
        Html = email.Content.Html;
        Text = email.Content.Text;
        HeadersJson = headersJson;
        CreatedAt = now;
    }
}
