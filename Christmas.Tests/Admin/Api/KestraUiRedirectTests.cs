using System.Net;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.Api;

/// <summary>The guide's Kestra UI link opens the console's webhook calls page.</summary>
public class KestraUiRedirectTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/ui/executions", "/executions")]
    [InlineData("/ui/executions/christmas.handlers/assessment-handler/5Xk2abcDEF", "/executions/5Xk2abcDEF")]
    public async Task KestrasUiLinks_RedirectToTheConsolesPages(string path, string target)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = shared.App.BaseAddress };

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }
}
