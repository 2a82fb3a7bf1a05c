using Christmas.Core.Campaign;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Settings;

/// <summary>The published handlers' webhook URLs on this app's public address, for the website developer to copy.</summary>
public sealed class WebhookUrlList(Campaign.Live.PublishedCampaign published, WebhookKeys keys, IOptions<CampaignOptions> campaign)
{
    public IReadOnlyList<WebhookUrl> All()
    {
        var root = campaign.Value.PublicBaseUrl.TrimEnd('/');
        return published.Latest.Handlers.Select(h => new WebhookUrl(h.Name, h.Description, root + h.WebhookPath, keys.KeyFor(h))).ToList();
    }
}
