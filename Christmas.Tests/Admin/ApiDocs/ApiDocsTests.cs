using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.ApiDocs;

/// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference at /api/docs.</summary>
public class ApiDocsTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private Task<JsonElement> DocumentAsync() => App.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    /// <summary>Every endpoint the app maps under /api (but the docs page itself), as "METHOD /path" with OpenAPI's parameter spelling.</summary>
    private List<string> MappedApiOperations() => App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => (Path: OpenApiPath(e.RoutePattern), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
        .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) && !e.Path.StartsWith("/api/docs", StringComparison.Ordinal))
        .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
        .Distinct().Order().ToList();

    private static string OpenApiPath(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => "",
        }))));

    [Fact]
    public async Task TheDocument_DescribesEveryMappedApiEndpoint_WithItsMethod()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var mapped = MappedApiOperations();
        Assert.Contains("POST /api/v1/executions/webhook/christmas/handlers/{handler}/{key}", mapped);
        Assert.Contains("GET /api/contacts/{email}", mapped);

        var missing = mapped.Where(op =>
        {
            var (method, path) = (op[..op.IndexOf(' ')], op[(op.IndexOf(' ') + 1)..]);
            return !paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out _);
        }).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task TheDocument_DescribesAnswersAndAuth()
    {
        var doc = await DocumentAsync();
        var bearer = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());

        var contact = doc.GetProperty("paths").GetProperty("/api/contacts/{email}").GetProperty("get");
        Assert.Contains(contact.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("Bearer", out _));
        var responses = contact.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(responses.TryGetProperty("404", out _));
        Assert.True(responses.TryGetProperty("401", out _));
        Assert.True(doc.GetProperty("paths").GetProperty("/api/contacts").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));

        var testingMode = doc.GetProperty("paths").GetProperty("/api/settings/testing-mode").GetProperty("put");
        Assert.True(testingMode.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(testingMode.GetProperty("responses").TryGetProperty("403", out _));

        var webhook = doc.GetProperty("paths").GetProperty("/api/v1/executions/webhook/christmas/handlers/{handler}/{key}").GetProperty("post");
        Assert.Empty(webhook.GetProperty("security").EnumerateArray());
        Assert.Contains("Anonymous", webhook.GetProperty("description").GetString());
        Assert.False(webhook.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/docs")]
    public async Task TheDocs_AreClosedWithoutSignIn_AndOpenWithTheToken(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync(path)).StatusCode);

        using var browser = ConsoleHttpSession.NewClient(App);
        using var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.Accept.ParseAdd("text/html");
        var redirect = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/login", redirect.Headers.Location?.ToString());

        // With the token: the document at once; the reference after Scalar's redirect to its folder (/api/docs/).
        using var script = ConsoleHttpSession.NewClient(App);
        script.DefaultRequestHeaders.Authorization = new("Bearer", TestApp.ApiToken);
        var answer = await script.GetAsync(path);
        if (answer.StatusCode == HttpStatusCode.Found)
            answer = await script.GetAsync(new Uri(new Uri(App.BaseAddress, path), answer.Headers.Location!));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(path == "/api/docs" ? "text/html" : "application/json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheReference_LoadsNoThirdPartyFonts()
    {
        using var script = ConsoleHttpSession.NewClient(App);
        script.DefaultRequestHeaders.Authorization = new("Bearer", TestApp.ApiToken);

        var html = await script.GetStringAsync("/api/docs/");

        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", ""));
        Assert.DoesNotContain("fonts.scalar.com", html);
    }

    [Fact]
    public async Task ASignedInMarketer_OpensTheReference_AndTheDocumentItLoads()
    {
        await App.CreateUserAsync("docs-marketer@test.local", "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(App, "docs-marketer@test.local", "marketer-password-1");

        var reference = await marketer.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", await reference.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
