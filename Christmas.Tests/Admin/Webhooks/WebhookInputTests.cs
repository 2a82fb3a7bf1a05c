using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Webhooks;

/// <summary>DESIGN.md's input rules, over real HTTP: clear errors, nothing changed, never a 500.</summary>
public class WebhookInputTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    private Task<HttpResponseMessage> PostRawAsync(string url, string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return App.Anonymous.PostAsync(url, content);
    }

    private Task<int> ContactCountAsync() => App.WithDbAsync(db => Task.FromResult(db.Contacts.Count()));

    [Fact]
    public async Task MissingAndInvalidFields_Answer400ProblemDetails_NamingEachField_AndStoreNothing()
    {
        var before = await ContactCountAsync();
        var response = await PostRawAsync(Fixtures.Webhooks.Url("assessment-handler"),
            """{"email":"nope","first_name":"Sarah","red_systems":12,"orange_systems":1,"yellow_systems":2,"green_systems":3,"email_1_status":"sent"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await TestApp.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["business_name", "email", "red_systems"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(before, await ContactCountAsync());
    }

    [Fact]
    public async Task WrongKey_AndUnknownHandler_Answer404WithTheSameBody()
    {
        var wrongKey = await PostRawAsync(Fixtures.Webhooks.Url("assessment-handler", "guess"), "{}");
        var unknown = await PostRawAsync(Fixtures.Webhooks.Url("nope-handler", "assessment-webhook-key"), "{}");
        var otherHandlersKey = await PostRawAsync(Fixtures.Webhooks.Url("assessment-handler", "signup-webhook-key"), "{}");

        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherHandlersKey.StatusCode);
        var body = await wrongKey.Content.ReadAsStringAsync();
        Assert.Equal(body, await unknown.Content.ReadAsStringAsync());
        Assert.Equal(body, await otherHandlersKey.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABodyOver64KiB_Answers413()
    {
        var padding = new string('x', 64 * 1024);
        var response = await PostRawAsync(Fixtures.Webhooks.Url("signup-handler"),
            $$"""{"email":"big@example.com","first_name":"A","business_name":"B","pad":"{{padding}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOver64KiB_SentChunkedWithoutLength_Answers413()
    {
        var content = new StreamContent(new MemoryStream(new byte[70 * 1024]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Fixtures.Webhooks.Url("signup-handler")) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await App.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task ANonJsonContentType_Answers415(string? contentType)
    {
        var response = await PostRawAsync(Fixtures.Webhooks.Url("signup-handler"),
            """{"email":"ct@example.com","first_name":"A","business_name":"B"}""", contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("email=a@b.co")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"email\": \"a@b.co\",}")]
    public async Task ABodyThatIsNotAJsonObject_Answers400(string body)
    {
        var response = await PostRawAsync(Fixtures.Webhooks.Url("signup-handler"), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeeplyNestedOrOddInput_NeverAnswers500()
    {
        string[] bodies =
        [
            new string('[', 5000) + new string(']', 5000),
            "{\"email\":" + new string('[', 100) + new string(']', 100) + "}",
            """{"email":"a@b.co","first_name":"\u0000","business_name":"\uD800"}""",
            """{"email":"a@b.co","first_name":"A","business_name":"B","red_systems":1e400}""",
            """{"email":"x@y.co","first_name":"A","business_name":"B","red_systems":99999999999999999999,"orange_systems":1,"yellow_systems":1,"green_systems":1,"email_1_status":"sent","revenue_leak_total":1e40}""",
            "\uFEFF{}",
            "{\"email\":\"" + new string('a', 300) + "@example.com\",\"first_name\":\"A\",\"business_name\":\"B\"}",
        ];
        foreach (var body in bodies)
        {
            foreach (var handler in Fixtures.Webhooks.GuideKeys.Keys)
            {
                var response = await PostRawAsync(Fixtures.Webhooks.Url(handler), body);
                Assert.True((int)response.StatusCode < 500, $"{handler} answered {(int)response.StatusCode} to {body[..Math.Min(body.Length, 60)]}");
            }
        }
    }

    [Fact]
    public async Task InvalidUtf8_Answers400()
    {
        var content = new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await App.Anonymous.PostAsync(Fixtures.Webhooks.Url("signup-handler"), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
