namespace Christmas.Core.Contacts.Consent;

/// <summary><c>consent</c> on <c>GET /api/contacts/{email}</c> and in the person's export; null when the source is unknown.</summary>
public sealed record ConsentView(
    string Source,
    string? Handler,
    DateTime At,
    string? ExecutionId,
    string? File,
    int? Row,
    string? Text,
    string? Ip,
    string? By)
{
    public static ConsentView? From(ContactConsent? c) => c is null ? null
        : new(c.Source.ToString().ToLowerInvariant(), c.Handler, c.At, c.ExecutionId, c.File, c.Row, c.Text, c.Ip, c.By);
}
