using Christmas.Core.Campaign;

namespace Christmas.Core.Simulation;

/// <summary>
/// Send rules to play with instead of the configured ones ("what if quiet hours were on?"). Each is
/// either not given (the configuration's value), off, or a value.
/// </summary>
public sealed record RuleOverrides
{
    public static readonly RuleOverrides None = new();

    public bool HasQuietHours { get; init; }
    /// <summary>E.g. <c>21:00-08:00</c>; null: off.</summary>
    public string? QuietHours { get; init; }
    public bool HasMinimumGap { get; init; }
    public TimeSpan? MinimumGap { get; init; }
    public bool HasOfferEndsAt { get; init; }
    public DateTimeOffset? OfferEndsAt { get; init; }

    /// <summary>A window or gap changes where pending steps go, so the stored ones are placed again under it.</summary>
    public bool MovesSteps => HasQuietHours || HasMinimumGap;

    public bool Any => HasQuietHours || HasMinimumGap || HasOfferEndsAt;

    /// <summary>The send rules' part of <paramref name="configured"/> with these overrides on top.</summary>
    public CampaignOptions Apply(CampaignOptions configured) => new()
    {
        DefaultTimeZone = configured.DefaultTimeZone,
        QuietHours = HasQuietHours ? QuietHours : configured.QuietHours,
        MinimumGap = HasMinimumGap ? MinimumGap : configured.MinimumGap,
        OfferEndsAt = HasOfferEndsAt ? OfferEndsAt : configured.OfferEndsAt,
    };
}
