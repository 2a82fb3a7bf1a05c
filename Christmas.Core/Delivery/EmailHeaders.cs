namespace Christmas.Core.Delivery;

/// <summary>Headers every campaign email carries: RFC 8058 one-click unsubscribe.</summary>
public static class EmailHeaders
{
    public static IReadOnlyDictionary<string, string> For(string unsubscribeUrl) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{unsubscribeUrl}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
