using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>Without Webhooks:AllowedOrigins (the default) no origin gets CORS headers, not even on the webhooks.</summary>
public class WebhookCorsOffTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task ByDefault_APreflightOnAWebhookPath_IsNotAnswered()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Fixtures.Webhooks.Url("signup-handler"));
        request.Headers.Add("Origin", "https://www.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await shared.App.Anonymous.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
