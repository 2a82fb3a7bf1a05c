namespace Christmas.Core.Delivery.Resend;

/// <summary>Section <c>Resend</c>.</summary>
public sealed class ResendOptions
{
    public const string Section = "Resend";
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.resend.com";
    /// <summary>The <c>whsec_...</c> signing secret of the delivery webhook (Resend's dashboard, Webhooks); unset: delivery events are refused.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>Client-side limit shared by every worker (Resend's default team limit is 2 requests/s).</summary>
    public double RequestsPerSecond { get; set; } = 2;
    /// <summary>Quick retries inside one send (429 with a short retry-after, 5xx, timeouts); after them the step is tried again later.</summary>
    public int RetriesPerSend { get; set; } = 4;
}
