using Christmas.Core.Campaign;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Christmas.Core.SendRules;

public static class SendRulesServiceCollectionExtensions
{
    /// <summary>Send windows, the minimum gap and the offer's end; bad values stop the start with a message.</summary>
    public static IServiceCollection AddSendRules(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>()
            .Validate(o => o.QuietHours is not { Length: > 0 } text || QuietHours.TryParse(text, out _) is null,
                "Campaign:QuietHours must look like 21:00-08:00 (HH:mm-HH:mm, start and end different).")
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.DefaultTimeZone) is not null,
                "Campaign:DefaultTimeZone must be an IANA time zone name such as America/Toronto.")
            .Validate(o => o.MinimumGap is not { } gap || gap > TimeSpan.Zero, "Campaign:MinimumGap must be more than zero, e.g. 12:00:00.")
            .ValidateOnStart();
        services.AddSingleton<SendRuleSet>();
        services.AddSingleton<OfferCountdown>();
        return services;
    }
}
