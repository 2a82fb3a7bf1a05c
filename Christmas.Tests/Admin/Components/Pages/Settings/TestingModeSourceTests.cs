using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Christmas.Admin.Components.Pages.Settings;
using Christmas.Core.Settings;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Components;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Admin.Components.Pages.Settings;

/// <summary>
/// Start-up says what it decided (issue 21 #7): a testing mode stored in the database beats
/// <c>Campaign:TestingMode</c>, and the start-up log, GET /api/settings/testing-mode and the Settings page say so.
/// </summary>
public sealed class TestingModeSourceTests : ConsoleComponentTest
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private TestApp? _app;

    protected override async Task DisposeTestAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    private static Dictionary<string, string?> Configured(bool on) => new() { ["Campaign:TestingMode"] = on ? "true" : "false" };

    private static IEnumerable<CapturedLogs.Line> Decisions(CapturedLogs logs) =>
        logs.Lines.Where(l => l.Category == typeof(TestingModeStore).FullName && l.Message.StartsWith("Testing mode is", StringComparison.Ordinal));

    [Fact]
    public async Task AStoredValueDifferentFromConfiguration_IsNamedAtStart_InTheApi_AndOnTheSettingsPage()
    {
        await using (var first = await TestApp.StartAsync(dataDirectory: _directory, settings: Configured(true)))
            (await first.Api.PutAsJsonAsync("/api/settings/testing-mode", new { enabled = false })).EnsureSuccessStatusCode();

        var logs = new CapturedLogs();
        _app = await TestApp.StartAsync(dataDirectory: _directory, settings: Configured(true), services: logs.AddTo);

        var line = Assert.Single(Decisions(logs));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Testing mode is off, from the value stored in the database (set by api-token at ", line.Message);
        Assert.EndsWith("UTC); it overrides configuration Campaign:TestingMode (true).", line.Message);

        var api = await _app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode");
        Assert.False(api.GetProperty("enabled").GetBoolean());
        Assert.Equal("stored", api.GetProperty("source").GetString());
        Assert.True(api.GetProperty("configured").GetBoolean());
        Assert.Equal("api-token", api.GetProperty("changedBy").GetString());
        Assert.True(DateTime.UtcNow - api.GetProperty("changedAt").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5));

        UseAppServices(_app);
        var card = Render<TestingModeCard>();
        card.WaitForAssertion(() => Assert.Equal(line.Message, card.Find("[data-testid=testing-mode-source]").TextContent.Trim()));
        Assert.Equal("Off", card.Find("[data-testid=testing-mode-state]").TextContent.Trim());
    }

    [Fact]
    public async Task WithNothingStored_ConfigurationIsNamedAsTheSource()
    {
        var logs = new CapturedLogs();
        _app = await TestApp.StartAsync(dataDirectory: _directory, settings: Configured(true), services: logs.AddTo);

        var line = Assert.Single(Decisions(logs));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Testing mode is on, from configuration Campaign:TestingMode (true); nothing is stored in the database yet.", line.Message);
        var api = await _app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode");
        Assert.True(api.GetProperty("enabled").GetBoolean());
        Assert.Equal("configuration", api.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("changedAt").ValueKind);

        UseAppServices(_app);
        var card = Render<TestingModeCard>();
        card.WaitForAssertion(() => Assert.Equal(line.Message, card.Find("[data-testid=testing-mode-source]").TextContent.Trim()));
    }
}
