using AngleSharp.Dom;
using Bunit;
using Christmas.Admin.Components.Pages.Contacts;
using Christmas.Core.Contacts;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Contacts;

/// <summary>The contact page's timeline: what it shows per step, and which actions it offers where.</summary>
public sealed class SequenceTimelineTests : ConsoleComponentTest
{
    private static readonly DateTime Anchor = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static StepView Step(long id, int number, string status, string? sentBy = null, string? error = null, string? providerId = null, int attempts = 0) =>
        new(id, number, $"assessment-{number}", Anchor.AddDays(number - 1), status, sentBy,
            status == "sent" ? Anchor.AddDays(number - 1).AddSeconds(3) : null, providerId, attempts, error, Anchor.AddDays(number - 1));

    private static SequenceView Sequence(long id, string status, params StepView[] steps) =>
        new(id, "assessment", status, "production", Anchor, Anchor, status == "active" ? null : Anchor.AddDays(2),
            status == "cancelled" ? "customer asked us to stop" : null, "exec-1", steps);

    private IRenderedComponent<SequenceTimeline> RenderTimeline(bool contactCanReceive, params SequenceView[] sequences) =>
        Render<SequenceTimeline>(p => p.Add(t => t.Sequences, sequences).Add(t => t.ContactCanReceive, contactCanReceive));

    private static IElement Row(IRenderedComponent<SequenceTimeline> timeline, long stepId) =>
        timeline.Find($"[data-testid=step][data-step-id='{stepId}']");

    [Fact]
    public void Timeline_ShowsEveryStepsStatusSenderTimesProviderIdAndError()
    {
        var timeline = RenderTimeline(true, Sequence(7, "active",
            Step(1, 1, "sent", sentBy: "website"),
            Step(2, 2, "sent", sentBy: "scheduler", providerId: "re_abc123", attempts: 1),
            Step(3, 3, "failed", error: "Resend answered 422: invalid from address", attempts: 5),
            Step(4, 4, "scheduled")));

        Assert.Equal(["sent", "sent", "failed", "scheduled"], timeline.FindAll("[data-testid=step-status]").Select(c => c.TextContent.Trim()));
        Assert.Contains("website", Row(timeline, 1).TextContent);
        Assert.Contains("re_abc123", Row(timeline, 2).TextContent);
        Assert.Equal("2 Dec 2026, 09:00:00 UTC", Row(timeline, 2).QuerySelector("[data-testid=step-due]")!.GetAttribute("title"));
        Assert.Contains("Resend answered 422: invalid from address", Row(timeline, 3).QuerySelector("[data-testid=step-error]")!.TextContent);
        Assert.Contains("5", Row(timeline, 3).TextContent);
    }

    [Fact]
    public void Timeline_ShowsTheRevisionEachSequenceFollows()
    {
        var timeline = RenderTimeline(true, Sequence(7, "active", Step(1, 1, "scheduled")) with { Revision = 3 }, Sequence(8, "completed", Step(2, 1, "sent")));

        Assert.Equal(["revision 3", "revision 1"], timeline.FindAll("[data-testid=sequence-revision]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void ResendButtons_AppearOnlyOnFinishedSteps_WhenTheContactMayReceiveEmail()
    {
        var timeline = RenderTimeline(true, Sequence(7, "active",
            Step(1, 1, "sent", sentBy: "website"), Step(2, 2, "failed", error: "timeout"), Step(3, 3, "skipped", error: "overdue"),
            Step(4, 4, "sending"), Step(5, 5, "scheduled")));

        Assert.NotNull(Row(timeline, 1).QuerySelector("[data-testid=resend-step]"));
        Assert.NotNull(Row(timeline, 2).QuerySelector("[data-testid=resend-step]"));
        Assert.NotNull(Row(timeline, 3).QuerySelector("[data-testid=resend-step]"));
        Assert.Null(Row(timeline, 4).QuerySelector("[data-testid=resend-step]"));
        Assert.Null(Row(timeline, 5).QuerySelector("[data-testid=resend-step]"));
    }

    [Fact]
    public void ResendButtons_AreHidden_WhenTheContactIsSuppressed()
    {
        var timeline = RenderTimeline(false, Sequence(7, "cancelled", Step(1, 1, "sent", sentBy: "website"), Step(2, 2, "cancelled", error: "unsubscribed")));

        Assert.Empty(timeline.FindAll("[data-testid=resend-step]"));
    }

    [Fact]
    public void CancelButton_AppearsOnlyOnActiveSequences_AndCancelledOnesShowTheirReason()
    {
        var timeline = RenderTimeline(true,
            Sequence(7, "active", Step(1, 1, "scheduled")),
            Sequence(8, "cancelled", Step(2, 1, "cancelled", error: "customer asked us to stop")),
            Sequence(9, "completed", Step(3, 1, "sent", sentBy: "scheduler")));

        var sequences = timeline.FindAll("[data-testid=sequence]");
        Assert.NotNull(sequences[0].QuerySelector("[data-testid=cancel-sequence]"));
        Assert.Null(sequences[1].QuerySelector("[data-testid=cancel-sequence]"));
        Assert.Null(sequences[2].QuerySelector("[data-testid=cancel-sequence]"));
        Assert.Contains("customer asked us to stop", sequences[1].QuerySelector("[data-testid=sequence-ended]")!.TextContent);
        Assert.Equal(["active", "cancelled", "completed"], timeline.FindAll("[data-testid=sequence-status]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void ClickingResend_RaisesOnResendWithThatStep()
    {
        StepView? asked = null;
        var timeline = Render<SequenceTimeline>(p => p
            .Add(t => t.Sequences, [Sequence(7, "active", Step(1, 1, "sent", sentBy: "website"), Step(2, 2, "failed", error: "x"))])
            .Add(t => t.OnResend, (StepView s) => asked = s));

        Row(timeline, 2).QuerySelector("[data-testid=resend-step]")!.Click();

        Assert.Equal(2, asked?.Id);
    }

    [Fact]
    public void ASequenceFreeContact_SeesAFriendlyEmptyState()
    {
        var timeline = RenderTimeline(true);

        Assert.Contains("No sequence has started", timeline.Find("[data-testid=no-sequences]").TextContent);
    }
}
