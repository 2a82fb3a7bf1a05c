namespace Christmas.Core.Delivery.Resend;

/// <summary>Section <c>Resend</c>.</summary>
public sealed class ResendOptions
{
    public const string Section = "Resend";
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.resend.com";
    /// <summary>Client-side limit shared by every worker (Resend's default team limit is 2 requests/s).</summary>
    public double RequestsPerSecond { get; set; } = 2;
}
