namespace Christmas.Core.Delivery.Resend;

/// <summary>Section <c>Resend</c>.</summary>
public sealed class ResendOptions
{
    public const string Section = "Resend";
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.resend.com";
    /// <summary>The <c>whsec_...</c> signing secret of the delivery webhook (Resend's dashboard, Webhooks); unset: delivery events are refused.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>
    /// Client-side limit shared by every worker (Resend's team limit is 5 requests/s). Resend's own
    /// <c>ratelimit-*</c> and <c>retry-after</c> headers lower it when the account's limit is lower.
    /// </summary>
    public double RequestsPerSecond { get; set; } = 5;
    /// <summary>Several due emails go in one <c>POST /emails/batch</c> (up to 100); a single due email still goes alone.</summary>
    public bool Batch { get; set; } = true;
    /// <summary>Quick retries inside one send (429 with a short retry-after, 5xx, timeouts); after them the step is tried again later.</summary>
    public int RetriesPerSend { get; set; } = 4;
}
