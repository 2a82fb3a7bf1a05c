namespace Christmas.Tests.Fixtures;

/// <summary>
/// One app for a test class with a known audience: two CRITICAL contacts and one URGENT contact, each with
/// assessment emails #2-#5 still to come, and nobody else (exact counts per segment).
/// </summary>
public sealed class SegmentedContactsApp : IAsyncLifetime
{
    public const string Critical = "critical-one@example.com";
    public const string Urgent = "urgent-one@example.com";

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        var anchor = DateTimeOffset.UtcNow.AddSeconds(-10);
        foreach (var (email, red, orange) in new[] { (Critical, 2, 1), ("critical-two@example.com", 3, 0), (Urgent, 1, 0) })
        {
            var body = Webhooks.Assessment(anchor, email);
            (body["red_systems"], body["orange_systems"]) = (red, orange);
            (await App.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
