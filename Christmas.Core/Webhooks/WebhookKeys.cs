using Microsoft.Extensions.Options;

namespace Christmas.Core.Webhooks;

/// <summary>The key each handler's URL must carry: configured, else the integration guide's default.</summary>
public sealed class WebhookKeys(IOptions<WebhookOptions> options)
{
    public string KeyFor(HandlerDefinition handler) =>
        options.Value.Keys.TryGetValue(handler.Name, out var key) && !string.IsNullOrWhiteSpace(key) ? key : handler.DefaultKey;
}
