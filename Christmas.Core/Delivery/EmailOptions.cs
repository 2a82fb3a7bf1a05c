namespace Christmas.Core.Delivery;

/// <summary>Section <c>Email</c>: which sender delivers the scheduled emails, and as whom.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string Outbox = "Outbox";
    public const string Resend = "Resend";
    public static readonly string[] Providers = [Outbox, Resend];

    /// <summary>Outbox (stores every email, sends nothing) or Resend. Smtp is still to come.</summary>
    public string Provider { get; set; } = Outbox;
    /// <summary>"Name &lt;address&gt;", e.g. "BusinessX Canada &lt;noreply@example.com&gt;".</summary>
    public string? From { get; set; }
    public string? ReplyTo { get; set; }

    public bool IsResend => string.Equals(Provider, Resend, StringComparison.OrdinalIgnoreCase);
}
