namespace Christmas.Core.Settings;

/// <summary>One webhook as the website must call it: the URL up to the key, and the key.</summary>
public sealed record WebhookUrl(string Handler, string Description, string BaseUrl, string Key)
{
    public string FullUrl => $"{BaseUrl}/{Key}";
}
