using System.Text.Json.Serialization;

namespace Christmas.Core.Delivery.Resend;

/// <summary>One email as Resend's <c>POST /emails</c> and each member of <c>POST /emails/batch</c> take it.</summary>
internal sealed record ResendPayload(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string[] To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reply_to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplyTo,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("tags")] ResendTag[] Tags)
{
    public static ResendPayload For(OutgoingEmail message, EmailOptions email) => new(
        email.From!, [message.To], message.Content.Subject, message.Content.Html, message.Content.Text,
        email.ReplyTo, message.Headers, [new ResendTag("template", Tag(message.TemplateKey))]);

    // Tags take ASCII letters, digits, _ and - only.
    private static string Tag(string value) => new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
}

internal sealed record ResendTag([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] string Value);

internal sealed record ResendId([property: JsonPropertyName("id")] string? Id);

internal sealed record ResendError([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("message")] string? Message);
