using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.ApiDocs;

/// <summary>The API description passes Redocly's linter with its recommended rules (what client generators and portals expect).</summary>
public sealed class RedoclyLintTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task TheDocument_HasNoLintError_WithRedoclysRecommendedRules()
    {
        var folder = Directory.CreateTempSubdirectory("christmas-lint-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), await shared.App.Api.GetStringAsync("/openapi/v1.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "redocly.yaml"), "extends:\n  - recommended\n");

            var (exit, output) = await NodeTools.RunToolAsync("redocly", folder, "lint", "openapi.json", "--format=stylish");

            Assert.True(exit == 0, $"redocly lint ({NodeTools.RedoclyCli}) found errors:\n{output}");
            Assert.DoesNotContain("error", output.Split('\n').Where(l => l.Contains("no-server-trailing-slash")), StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
