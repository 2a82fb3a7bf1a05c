namespace Christmas.Admin.Endpoints;

/// <summary>
/// Section <c>Webhooks:RateLimit</c>: a token bucket per client address (the forwarded address behind a known
/// proxy). The defaults sit far above what a website sends, so only a flood is refused.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "Webhooks:RateLimit";

    /// <summary>Calls per second one address may keep up.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Calls one address may send at once before the per-second rate applies.</summary>
    public int Burst { get; set; } = 200;
}
