using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Admin.ApiDocs;

/// <summary>Generated clients name their methods after operationIds: every operation has one, unique and an identifier.</summary>
public sealed partial class OperationIdTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task EveryOperation_HasAUniqueOperationId()
    {
        var document = await shared.App.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => Methods.Contains(op.Name))
                .Select(op => (Where: $"{op.Name.ToUpperInvariant()} {path.Name}",
                    Id: op.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null)))
            .ToList();

        Assert.True(operations.Count > 30, $"only {operations.Count} operations");
        Assert.Empty(operations.Where(o => string.IsNullOrEmpty(o.Id)).Select(o => o.Where));
        Assert.Empty(operations.Where(o => !Identifier().IsMatch(o.Id!)).Select(o => $"{o.Where}: {o.Id}"));
        Assert.Empty(operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Where))}"));
        Assert.Contains(operations, o => o.Where == "GET /api/contacts/{email}" && o.Id == "contactsGet");
    }

    [Fact]
    public async Task TheServerUrl_HasNoTrailingSlash()
    {
        var document = await shared.App.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.All(document.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
