using Bunit;
using Christmas.Admin.Components.Pages.Contacts;
using Christmas.Core.Contacts;
using Christmas.Tests.Fixtures.Components;

namespace Christmas.Tests.Admin.Components.Pages.Contacts;

/// <summary>In the timeline's step row: the step's delivery status as a chip and its events with times.</summary>
public sealed class StepDeliveryEventsTests : ConsoleComponentTest
{
    private static readonly DateTime Sent = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static StepView Step(long id, string? deliveryStatus, params DeliveryEventView[] events) =>
        new(id, 2, "assessment-2", Sent, "sent", "scheduler", Sent, $"re_{id}", 1, null, Sent, null, deliveryStatus, events);

    private static SequenceView Sequence(params StepView[] steps) =>
        new(7, "assessment", "active", "production", Sent, Sent, null, null, "exec-1", steps);

    private IRenderedComponent<SequenceTimeline> RenderTimeline(params StepView[] steps) =>
        Render<SequenceTimeline>(p => p.Add(t => t.Sequences, [Sequence(steps)]));

    [Fact]
    public void TheStepRow_ShowsTheDeliveryStatus_AndEveryEventWithItsTime()
    {
        var timeline = RenderTimeline(Step(1, "clicked",
            new DeliveryEventView("delivered", Sent.AddSeconds(4)), new DeliveryEventView("opened", Sent.AddMinutes(3)), new DeliveryEventView("clicked", Sent.AddMinutes(4))));

        var row = timeline.Find("[data-testid=step][data-step-id='1']");
        Assert.Equal("clicked", row.QuerySelector("[data-testid=delivery-status]")!.TextContent.Trim());
        var events = row.QuerySelectorAll("[data-testid=delivery-event]");
        Assert.Equal(["delivered", "opened", "clicked"], events.Select(e => e.GetAttribute("data-type")));
        Assert.Equal("1 Dec 2026, 09:00:04 UTC", events[0].GetAttribute("title"));
        Assert.Contains("opened", events[1].TextContent);
    }

    [Theory]
    [InlineData("bounced")]
    [InlineData("complained")]
    [InlineData("failed")]
    public void Trouble_IsShownInTheErrorColour(string status)
    {
        var timeline = RenderTimeline(Step(1, status, new DeliveryEventView(status, Sent.AddSeconds(5))));
        Assert.Contains("mud-chip-color-error", timeline.Find("[data-testid=delivery-status]").ClassName);
    }

    [Fact]
    public void GoodNews_IsNotShownInTheErrorColour()
    {
        var timeline = RenderTimeline(Step(1, "delivered", new DeliveryEventView("delivered", Sent.AddSeconds(5))));
        Assert.DoesNotContain("mud-chip-color-error", timeline.Find("[data-testid=delivery-status]").ClassName);
    }

    [Fact]
    public void AStepWithoutEvents_ShowsNoDeliveryChipOrList()
    {
        var timeline = RenderTimeline(Step(1, null));
        Assert.Empty(timeline.FindAll("[data-testid=delivery-status]"));
        Assert.Empty(timeline.FindAll("[data-testid=delivery-events]"));
    }
}
