namespace Christmas.Core.Webhooks;

/// <summary>The keys the website integration guide prints for its five handlers: they keep working unless configured otherwise.</summary>
public static class GuideKeys
{
    private static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["signup-handler"] = "signup-webhook-key",
        ["assessment-handler"] = "assessment-webhook-key",
        ["noshow-recovery-handler"] = "noshow-webhook-key",
        ["postcall-maybe-handler"] = "postcall-webhook-key",
        ["onboarding-handler"] = "onboarding-webhook-key",
    };

    public static string? Find(string handler) => Keys.GetValueOrDefault(handler);
}
