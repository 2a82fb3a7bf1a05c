using System.Collections.Concurrent;
using System.Diagnostics;
using Christmas.Core.Telemetry;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Telemetry;

/// <summary>The app's own spans, as a tracing backend receives them (any listener of the Christmas.Campaign source).</summary>
public sealed class TracingTests : IClassFixture<SharedApp>, IDisposable
{
    private readonly SharedApp _shared;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests(SharedApp shared)
    {
        _shared = shared;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CampaignTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task AWebhookCall_IsOneSpanUntilItsCommit_NamingHandlerAndExecution()
    {
        var email = $"trace{Guid.NewGuid():N}@example.com";
        var response = await _shared.App.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(email));
        response.EnsureSuccessStatusCode();
        var executionId = (await TestApp.JsonAsync(response)).GetProperty("id").GetString();

        // Other tests' calls may be traced too: this call's span is the one with its execution id.
        var span = Assert.Single(_stopped, a => a.GetTagItem("christmas.execution.id") as string == executionId);
        Assert.Equal("webhook ingest", span.OperationName);
        Assert.Equal("signup-handler", span.GetTagItem("christmas.handler"));
        Assert.Equal(false, span.GetTagItem("christmas.deduplicated"));
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains(email) == true);
    }
}
