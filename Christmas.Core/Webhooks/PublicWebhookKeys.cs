namespace Christmas.Core.Webhooks;

/// <summary>
/// Handlers still on the integration guide's key: anyone who read the guide can call them. They keep working
/// (the website must never break), but Production says so on /health and in Settings.
/// </summary>
public sealed class PublicWebhookKeys(Campaign.Live.PublishedCampaign campaign, WebhookKeys keys)
{
    public IReadOnlyList<string> HandlersOnGuideKeys() =>
        // A generated key (a handler the guide does not name) is secret; only the guide's printed ones are public.
        campaign.Latest.Handlers.Where(h => h.DefaultKeyIsPublic && keys.KeyFor(h) == h.DefaultKey).Select(h => h.Name).ToList();

    /// <summary>What to do about <paramref name="handlerNames"/>, for /health and the Settings banner.</summary>
    public static string Advice(IReadOnlyList<string> handlerNames) =>
        $"Still on the integration guide's public webhook key: {string.Join(", ", handlerNames)}. " +
        $"Set Webhooks:Keys:<handler> (environment: Webhooks__Keys__<handler>) to a long random secret for each, then give the website the new URL from Settings.";
}
