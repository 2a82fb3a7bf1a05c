namespace Christmas.Core.Contacts;

/// <summary>
/// An email a contact will get next (DESIGN.md "Operator tools", <c>upcoming</c>): a pending step, when it
/// goes (its next attempt time: after send windows, the minimum gap and any retry backoff) and its subject
/// rendered with the contact's data as it stands now.
/// </summary>
/// <param name="Subject">Null when the template cannot be rendered (<paramref name="WouldSkipBecause"/> says why).</param>
/// <param name="WouldSkipBecause">Null, or why the send would stop it if it went with things as they are now.</param>
public sealed record NextSend(
    long StepId,
    string SequenceKind,
    int Number,
    DateTime SendAt,
    string TemplateKey,
    string? Subject,
    string? WouldSkipBecause);
