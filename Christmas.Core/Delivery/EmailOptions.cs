namespace Christmas.Core.Delivery;

/// <summary>Section <c>Email</c>: which sender delivers the scheduled emails.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string Outbox = "Outbox";

    /// <summary>Outbox (stores every email, sends nothing). Resend and Smtp come with the delivery work.</summary>
    public string Provider { get; set; } = Outbox;
    public string? From { get; set; }
    public string? ReplyTo { get; set; }
}
