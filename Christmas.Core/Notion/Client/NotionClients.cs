namespace Christmas.Core.Notion.Client;

/// <summary>Hands out <see cref="NotionClient"/>s on the configured HTTP pipeline (token, version, shared rate gate, retries).</summary>
public sealed class NotionClients(IHttpClientFactory factory)
{
    public const string HttpClientName = "notion";

    public NotionClient Create() => new(factory.CreateClient(HttpClientName));
}
