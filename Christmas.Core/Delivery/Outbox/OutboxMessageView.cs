using System.Text.Json;

namespace Christmas.Core.Delivery.Outbox;

public sealed record OutboxMessageView(
    long Id,
    string MessageId,
    string To,
    long StepId,
    string TemplateKey,
    string IdempotencyKey,
    DateTime CreatedAt,
    string Subject,
    string Html,
    string Text,
    JsonElement Headers,
    JsonElement Variables);
