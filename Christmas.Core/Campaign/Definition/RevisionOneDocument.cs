namespace Christmas.Core.Campaign.Definition;

/// <summary>
/// Revision 1: the campaign as it was built before definitions were editable (the website integration
/// guide's five handlers and DESIGN's four sequences). A database gets it once, at its first start;
/// from then on the stored revisions are the only source.
/// </summary>
public static class RevisionOneDocument
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);
    private static FieldSpec Req(string name, string kind) => new(name, kind);
    private static FieldSpec Opt(string name, string kind) => new(name, kind, Required: false);

    public static CampaignDocument Build() => new(
    [
        new("assessment", "Assessment follow-up", null, [], [],
        [
            new(1, "assessment-1", TimeSpan.Zero, TimeSpan.Zero, SentByWebsite: true),
            new(2, "assessment-2", H(24), M(1)),
            new(3, "assessment-3", H(72), M(2)),
            new(4, "assessment-4", H(96), M(3)),
            new(5, "assessment-5", H(120), M(4)),
        ]),
        new("noshow", "No-show recovery", "booked a call", ["calendly_event_id"], [],
        [
            new(1, "noshow-1", M(5), M(1)),
            new(2, "noshow-2", H(24), M(2)),
            new(3, "noshow-3", H(48), M(3)),
        ]),
        new("postcall", "Post-call maybe", "had the call", ["call_date"], [new("noshow", "superseded by postcall")],
        [
            new(1, "postcall-1", H(1), M(1)),
            new(2, "postcall-2", H(72), M(2)),
            new(3, "postcall-3", H(168), M(3)),
        ]),
        new("onboarding", "Onboarding", "paid", [], [new("noshow", "converted"), new("postcall", "converted")],
        [
            new(1, "onboarding-1", H(1), M(1)),
            new(2, "onboarding-2", H(24), M(2)),
            new(3, "onboarding-3", H(72), M(3)),
        ]),
    ],
    [
        new("signup-handler", "Signup: creates or updates the contact; sends no email.", null, null,
            [Req("email", FieldKinds.Email), Req("first_name", FieldKinds.Text), Req("business_name", FieldKinds.Text)]),
        new("assessment-handler", "Assessment: records email #1 (sent by the website) and schedules emails #2-#5.", "assessment", "email_1_sent_at",
            [
                Req("email", FieldKinds.Email), Req("first_name", FieldKinds.Text), Req("business_name", FieldKinds.Text),
                Req("red_systems", FieldKinds.Count), Req("orange_systems", FieldKinds.Count),
                Req("yellow_systems", FieldKinds.Count), Req("green_systems", FieldKinds.Count),
                Req("email_1_sent_at", FieldKinds.Timestamp),
                new("email_1_status", FieldKinds.Text, Expected: "sent"),
                Opt("weakest_system_1", FieldKinds.Text), Opt("weakest_system_2", FieldKinds.Text),
                Opt("revenue_leak_total", FieldKinds.Amount),
            ],
            WebsiteStatusField: "email_1_status"),
        new("noshow-recovery-handler", "No-show recovery: three emails after a missed call.", "noshow", "scheduled_time",
            [
                Req("email", FieldKinds.Email), Req("first_name", FieldKinds.Text),
                Req("calendly_event_id", FieldKinds.Text), Req("scheduled_time", FieldKinds.Timestamp),
                Opt("business_name", FieldKinds.Text),
            ]),
        new("postcall-maybe-handler", "Post-call maybe: three nurture emails after a call that ended in \"maybe\".", "postcall", "call_date",
            [
                Req("email", FieldKinds.Email), Req("first_name", FieldKinds.Text), Req("business_name", FieldKinds.Text),
                Req("call_date", FieldKinds.Timestamp), Opt("interest_level", FieldKinds.Text),
            ]),
        new("onboarding-handler", "Onboarding: three emails after payment.", "onboarding", "payment_date",
            [
                Req("email", FieldKinds.Email), Req("first_name", FieldKinds.Text), Req("business_name", FieldKinds.Text),
                new("payment_status", FieldKinds.Text, Expected: "paid", StartsOnlyIfExpected: true),
                Req("payment_date", FieldKinds.Timestamp), Opt("package_type", FieldKinds.Text),
            ]),
    ]);
}
