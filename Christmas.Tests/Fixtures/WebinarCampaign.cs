using Christmas.Core.Campaign.Definition;

namespace Christmas.Tests.Fixtures;

/// <summary>A campaign edit marketing staff make without a developer: a webinar sign-up webhook and its one reminder email.</summary>
public static class WebinarCampaign
{
    public const string Handler = "webinar-handler";
    public const string Template = "webinar-1";
    // Ten minutes before the run (whole seconds): on the real clock the reminder, an hour after, is still scheduled,
    // and a future anchor would fall back to the time received.
    public static readonly DateTime RegisteredAt = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());

    /// <summary>Revision 1 with the webinar handler and sequence, and without the post-call handler.</summary>
    public static CampaignDocument Document()
    {
        var one = RevisionOneDocument.Build();
        var webinar = new SequenceSpec("webinar", "Webinar reminder", null, ["webinar_id"], [],
            [new StepSpec(1, Template, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1))]);
        var handler = new HandlerSpec(Handler, "Webinar sign-up: a reminder an hour later.", "webinar", "registered_at",
        [
            new FieldSpec("email", FieldKinds.Email), new FieldSpec("first_name", FieldKinds.Text), new FieldSpec("webinar_id", FieldKinds.Text),
            new FieldSpec("registered_at", FieldKinds.Timestamp), new FieldSpec("seats", FieldKinds.Integer, Min: 1, Max: 10),
        ]);
        return new CampaignDocument([.. one.Sequences, webinar], [.. one.Handlers.Where(h => h.Name != "postcall-maybe-handler"), handler]);
    }

    public static object Registration(int seats = 2, string email = "wendy@example.com") => new
    {
        email, first_name = "Wendy", webinar_id = "dec-12", registered_at = RegisteredAt.ToString("O"), seats,
    };

    public static object TemplateText => new { subject = "See you at the webinar, {{ first_name }}", body = "It starts soon." };
}
