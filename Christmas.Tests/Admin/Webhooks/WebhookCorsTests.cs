using System.Net;
using System.Net.Http.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>Webhooks:AllowedOrigins: a website may call the webhooks from the browser; nothing else gets CORS headers.</summary>
/// <remarks>One app for the class: every test only reads headers (its posts are refused or use a new email).</remarks>
public sealed class WebhookCorsTests(WebhookCorsTests.CorsApp shared) : IClassFixture<WebhookCorsTests.CorsApp>
{
    private const string Website = "https://www.example.com";
    private readonly TestApp _app = shared.App;

    public sealed class CorsApp : SharedApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Webhooks:AllowedOrigins:0"] = Website,
            ["Webhooks:AllowedOrigins:1"] = "https://shop.example.com/",
        };
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static string? AllowOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Theory]
    [InlineData("/api/v1/executions/webhook/christmas/handlers/signup-handler/signup-webhook-key", Website)]
    [InlineData("/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key", "https://shop.example.com")]
    [InlineData("/api/v1/main/executions/webhook/christmas/handlers/signup-handler/signup-webhook-key", Website)]
    public async Task APreflight_FromAnAllowedOrigin_OnAWebhookPath_IsAnswered(string path, string origin)
    {
        var response = await _app.Anonymous.SendAsync(Preflight(path, origin));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, AllowOrigin(response));
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheWebhooksAnswer_ToAnAllowedOrigin_CarriesTheHeader_EvenAnError()
    {
        var ok = new HttpRequestMessage(HttpMethod.Post, Fixtures.Webhooks.Url("signup-handler")) { Content = JsonContent.Create(Fixtures.Webhooks.Signup($"cors{Guid.NewGuid():N}@example.com")) };
        ok.Headers.Add("Origin", Website);
        var bad = new HttpRequestMessage(HttpMethod.Post, Fixtures.Webhooks.Url("signup-handler")) { Content = JsonContent.Create(new { email = "broken" }) };
        bad.Headers.Add("Origin", Website);

        var accepted = await _app.Anonymous.SendAsync(ok);
        var refused = await _app.Anonymous.SendAsync(bad);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(Website, AllowOrigin(accepted));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Website, AllowOrigin(refused));
    }

    [Fact]
    public async Task AnotherOrigin_GetsNoCorsHeaders()
    {
        var path = Fixtures.Webhooks.Url("signup-handler");
        var preflight = await _app.Anonymous.SendAsync(Preflight(path, "https://evil.example"));
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(Fixtures.Webhooks.Signup($"cors{Guid.NewGuid():N}@example.com")) };
        post.Headers.Add("Origin", "https://evil.example");
        var answer = await _app.Anonymous.SendAsync(post);

        Assert.NotEqual(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Null(AllowOrigin(preflight));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(AllowOrigin(answer));
    }

    [Theory]
    [InlineData("/api/v1/executions")]
    [InlineData("/api/contacts")]
    [InlineData("/health")]
    public async Task OtherPaths_GetNoCorsHeaders_EvenFromAnAllowedOrigin(string path)
    {
        var preflight = await _app.Anonymous.SendAsync(Preflight(path, Website));
        var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Origin", Website);
        var answer = await _app.Api.SendAsync(get);

        Assert.Null(AllowOrigin(preflight));
        Assert.Null(AllowOrigin(answer));
    }
}
