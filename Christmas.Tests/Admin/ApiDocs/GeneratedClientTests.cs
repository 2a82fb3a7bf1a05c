using System.Net.Http.Json;
using System.Text.Json;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.ApiDocs;

/// <summary>
/// The API description is client-ready: openapi-typescript generates types from the live document,
/// TypeScript type-checks a small openapi-fetch client against them (a path, parameter or field the
/// document lacks fails to compile), and Node runs it against the app on its real port.
/// </summary>
public sealed class GeneratedClientTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Client = """
        import createClient from "openapi-fetch";
        import type { paths } from "./schema.js";

        declare const process: { env: Record<string, string | undefined> };

        const api = createClient<paths>({
          baseUrl: process.env.CHRISTMAS_BASE_URL,
          headers: { Authorization: `Bearer ${process.env.CHRISTMAS_API_TOKEN}` },
        });

        const flows = await api.GET("/api/v1/flows");
        const contact = await api.GET("/api/contacts/{email}", { params: { path: { email: process.env.CHRISTMAS_EMAIL! } } });
        const testingMode = await api.GET("/api/settings/testing-mode");

        const flowIds: string[] = (flows.data ?? []).map(flow => flow.id);
        const firstName: string | null | undefined = contact.data?.firstName;
        const enabled: boolean | undefined = testingMode.data?.enabled;

        console.log(JSON.stringify({
          statuses: [flows.response.status, contact.response.status, testingMode.response.status],
          flowIds,
          email: contact.data?.email,
          firstName,
          enabled,
        }));
        """;

    private const string TsConfig = """
        {
          "compilerOptions": {
            "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM"], "strict": true, "skipLibCheck": true
          },
          "files": ["client.ts"]
        }
        """;

    [Fact]
    public async Task AGeneratedTypedClient_CallsThreeEndpoints()
    {
        var app = shared.App;
        (await app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup("typed.client@example.com"))).EnsureSuccessStatusCode();
        var tools = await NodeTools.InstallAsync();
        // Inside the tools' folder, so TypeScript and Node find openapi-fetch in its node_modules.
        var folder = Directory.CreateDirectory(Path.Combine(tools, "runs", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), await app.Api.GetStringAsync("/openapi/v1.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "client.ts"), Client);
            await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), TsConfig);

            await Succeeds(NodeTools.RunToolAsync("openapi-typescript", folder, "openapi.json", "--output", "schema.d.ts"), "openapi-typescript");
            await Succeeds(NodeTools.RunToolAsync("tsc", folder, "--project", "tsconfig.json"), "tsc");
            var output = await Succeeds(NodeTools.RunAsync("node", folder, TimeSpan.FromMinutes(1), ["client.js"], new Dictionary<string, string>
            {
                ["CHRISTMAS_BASE_URL"] = app.BaseAddress.ToString().TrimEnd('/'),
                ["CHRISTMAS_API_TOKEN"] = TestApp.ApiToken,
                ["CHRISTMAS_EMAIL"] = "typed.client@example.com",
            }), "node client.js");

            var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
            Assert.Equal([200, 200, 200], result.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32()));
            Assert.Contains("signup-handler", result.GetProperty("flowIds").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("typed.client@example.com", result.GetProperty("email").GetString());
            Assert.Equal("Sarah", result.GetProperty("firstName").GetString());
            var mode = await app.Api.GetFromJsonAsync<JsonElement>("/api/settings/testing-mode");
            Assert.Equal(mode.GetProperty("enabled").GetBoolean(), result.GetProperty("enabled").GetBoolean());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Succeeds(Task<(int ExitCode, string Output)> run, string what)
    {
        var (exit, output) = await run;
        Assert.True(exit == 0, $"{what} failed ({exit}):\n{output}");
        return output;
    }
}
