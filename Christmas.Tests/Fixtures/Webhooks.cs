namespace Christmas.Tests.Fixtures;

/// <summary>The integration guide's URLs and example payloads.</summary>
public static class Webhooks
{
    public static readonly Dictionary<string, string> GuideKeys = new()
    {
        ["signup-handler"] = "signup-webhook-key",
        ["assessment-handler"] = "assessment-webhook-key",
        ["noshow-recovery-handler"] = "noshow-webhook-key",
        ["postcall-maybe-handler"] = "postcall-webhook-key",
        ["onboarding-handler"] = "onboarding-webhook-key",
    };

    public static string Url(string handler, string? key = null) =>
        $"/api/v1/executions/webhook/christmas/handlers/{handler}/{key ?? GuideKeys.GetValueOrDefault(handler, "x")}";

    public static Dictionary<string, object?> Signup(string email = "customer@example.com") => new()
    {
        ["email"] = email, ["first_name"] = "Sarah", ["business_name"] = "Sarah's Salon",
    };

    /// <summary>The guide's assessment example, with the anchor given (its example date is long past).</summary>
    public static Dictionary<string, object?> Assessment(DateTimeOffset sentAt, string email = "customer@example.com") => new()
    {
        ["email"] = email, ["first_name"] = "Sarah", ["business_name"] = "Sarah's Salon",
        ["red_systems"] = 2, ["orange_systems"] = 1, ["yellow_systems"] = 2, ["green_systems"] = 3,
        ["weakest_system_1"] = "GPS", ["weakest_system_2"] = "Money", ["revenue_leak_total"] = 14700,
        ["email_1_sent_at"] = sentAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["email_1_status"] = "sent",
    };

    public static Dictionary<string, object?> Noshow(DateTimeOffset scheduled, string email = "customer@example.com", string eventId = "evt_123abc") => new()
    {
        ["email"] = email, ["first_name"] = "Sarah", ["calendly_event_id"] = eventId,
        ["scheduled_time"] = scheduled.ToString("yyyy-MM-ddTHH:mm:ssZ"),
    };

    public static Dictionary<string, object?> Postcall(DateTimeOffset callDate, string email = "customer@example.com") => new()
    {
        ["email"] = email, ["first_name"] = "Sarah", ["business_name"] = "Sarah's Salon",
        ["call_date"] = callDate.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["interest_level"] = "medium",
    };

    public static Dictionary<string, object?> Onboarding(DateTimeOffset paid, string email = "customer@example.com", string status = "paid") => new()
    {
        ["email"] = email, ["first_name"] = "Sarah", ["business_name"] = "Sarah's Salon",
        ["payment_status"] = status, ["payment_date"] = paid.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["package_type"] = "foundation",
    };
}
