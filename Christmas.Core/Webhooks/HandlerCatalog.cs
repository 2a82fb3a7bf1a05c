using Christmas.Core.Sequences;

namespace Christmas.Core.Webhooks;

/// <summary>The five webhooks of the website integration guide, with DESIGN.md's field rules.</summary>
public sealed class HandlerCatalog
{
    private static FieldRule Req(string name, FieldKind kind) => new(name, kind);
    private static FieldRule Opt(string name, FieldKind kind) => new(name, kind, Required: false);

    public IReadOnlyList<HandlerDefinition> All { get; } =
    [
        new("signup-handler", "signup-webhook-key",
            "Signup: creates or updates the contact; sends no email.",
            Starts: null,
            [Req("email", FieldKind.Email), Req("first_name", FieldKind.Text), Req("business_name", FieldKind.Text)]),
        new("assessment-handler", "assessment-webhook-key",
            "Assessment: records email #1 (sent by the website) and schedules emails #2-#5.",
            SequenceKind.Assessment,
            [
                Req("email", FieldKind.Email), Req("first_name", FieldKind.Text), Req("business_name", FieldKind.Text),
                Req("red_systems", FieldKind.Count), Req("orange_systems", FieldKind.Count),
                Req("yellow_systems", FieldKind.Count), Req("green_systems", FieldKind.Count),
                Req("email_1_sent_at", FieldKind.Anchor),
                new("email_1_status", FieldKind.Text, Expected: "sent"),
                Opt("weakest_system_1", FieldKind.Text), Opt("weakest_system_2", FieldKind.Text),
                Opt("revenue_leak_total", FieldKind.Amount),
            ],
            WebsiteStatusField: "email_1_status"),
        new("noshow-recovery-handler", "noshow-webhook-key",
            "No-show recovery: three emails after a missed call.",
            SequenceKind.Noshow,
            [
                Req("email", FieldKind.Email), Req("first_name", FieldKind.Text),
                Req("calendly_event_id", FieldKind.Text), Req("scheduled_time", FieldKind.Anchor),
                Opt("business_name", FieldKind.Text),
            ]),
        new("postcall-maybe-handler", "postcall-webhook-key",
            "Post-call maybe: three nurture emails after a call that ended in \"maybe\".",
            SequenceKind.Postcall,
            [
                Req("email", FieldKind.Email), Req("first_name", FieldKind.Text), Req("business_name", FieldKind.Text),
                Req("call_date", FieldKind.Anchor), Opt("interest_level", FieldKind.Text),
            ]),
        new("onboarding-handler", "onboarding-webhook-key",
            "Onboarding: three emails after payment.",
            SequenceKind.Onboarding,
            [
                Req("email", FieldKind.Email), Req("first_name", FieldKind.Text), Req("business_name", FieldKind.Text),
                new("payment_status", FieldKind.Text, Expected: "paid", StartsSequenceOnlyIfExpected: true),
                Req("payment_date", FieldKind.Anchor), Opt("package_type", FieldKind.Text),
            ]),
    ];

    public HandlerDefinition? Find(string name) => All.FirstOrDefault(h => h.Name == name);
}
