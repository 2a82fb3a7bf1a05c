using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// A search page is weighed before it is built: one that would exceed <c>Executions:SearchMaxBytes</c> answers
/// 400 naming the largest size that fits, and that size then answers 200 with that many executions.
/// </summary>
public sealed class ExecutionSearchSizeTests : IAsyncLifetime
{
    private const int Calls = 20;
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Executions:SearchMaxBytes"] = (1024 * 1024).ToString(),
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APageOverTheLimit_Is400NamingTheSizeThatFits_AndThatSizeAnswers()
    {
        // Signups with 60 KB of notes each: 20 of them are about 1.2 MB of payloads.
        for (var i = 0; i < Calls; i++)
        {
            var body = Fixtures.Webhooks.Signup($"big{i}@example.com");
            body["notes"] = new string('n', 60_000);
            var answer = await _app.PostWebhookAsync("signup-handler", body);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        var refused = await _app.Api.GetAsync($"/api/v1/executions/search?size={Calls}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await TestApp.JsonAsync(refused);
        var message = problem.GetProperty("errors").GetProperty("size")[0].GetString()!;
        var fitting = int.Parse(System.Text.RegularExpressions.Regex.Match(message, @"size=(\d+) or fewer").Groups[1].Value);
        Assert.Contains("Executions:SearchMaxBytes", message);
        Assert.InRange(fitting, 10, Calls - 1);

        var page = await _app.Api.GetFromJsonAsync<JsonElement>($"/api/v1/executions/search?size={fitting}");
        Assert.Equal(fitting, page.GetProperty("results").GetArrayLength());
        Assert.Equal(Calls, page.GetProperty("total").GetInt32());
        Assert.Matches(@"about 1\.\d MB of executions, over the 1\.0 MB", message);
    }
}
