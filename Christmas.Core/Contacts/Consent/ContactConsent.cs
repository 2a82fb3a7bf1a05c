namespace Christmas.Core.Contacts.Consent;

/// <summary>
/// How and when we got a contact's address: the evidence CASL asks the sender to keep. Written once when
/// the contact is created (the first source wins); a later call or import row that carries consent wording
/// completes a record that has none (see <see cref="ShouldBeReplacedBy"/>). An erasure deletes it.
/// </summary>
public sealed class ContactConsent
{
    public const int MaxText = 2000;

    public long ContactId { get; private set; }
    public Contact? Contact { get; private set; }
    public ConsentSource Source { get; private set; }
    /// <summary>The webhook handler (source webhook or manual).</summary>
    public string? Handler { get; private set; }
    /// <summary>When consent was given: <c>consent_at</c> when the source said, else when we received the address.</summary>
    public DateTime At { get; private set; }
    public string? ExecutionId { get; private set; }
    /// <summary>The imported file's name (source import).</summary>
    public string? File { get; private set; }
    /// <summary>The CSV row (header = row 1).</summary>
    public int? Row { get; private set; }
    /// <summary>Who imported the file or triggered the call by hand.</summary>
    public string? By { get; private set; }
    /// <summary>The wording the person agreed to (<c>consent_text</c>).</summary>
    public string? Text { get; private set; }
    public string? Ip { get; private set; }

    private ContactConsent() { }

    public static ContactConsent FromImport(Contact contact, string file, int row, string by, DateTime at, string? text, string? ip) => new()
    {
        Contact = contact, ContactId = contact.Id, Source = ConsentSource.Import, File = file, Row = row, By = by, At = at, Text = text, Ip = ip,
    };

    /// <summary>
    /// A record without wording gives way to one with it: the wording is the evidence that matters, so
    /// the first source that carries it is kept whole; a recorded wording is never overwritten.
    /// </summary>
    public bool ShouldBeReplacedBy(string? text) => Text is null && text is not null;

    public void ReplaceWith(ContactConsent other)
    {
        (Source, Handler, At, ExecutionId, File, Row, By, Text, Ip) =
            (other.Source, other.Handler, other.At, other.ExecutionId, other.File, other.Row, other.By, other.Text, other.Ip);
    }
}
