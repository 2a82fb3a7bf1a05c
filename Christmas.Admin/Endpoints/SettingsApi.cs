using Christmas.Admin.Security.Scopes;
using Christmas.Core.Tokens;
using Christmas.Admin.ApiDocs;
using System.Text.Json;
using Christmas.Admin.Security;
using Christmas.Core.Settings;

namespace Christmas.Admin.Endpoints;

public static class SettingsApi
{
    public sealed record TestingModeView(bool Enabled);

    /// <summary>
    /// The answer: <c>enabled</c> as before, plus where it came from: <c>source</c> "stored" (set in the console
    /// or API; <c>changedAt</c>, <c>changedBy</c>) or "configuration" (<c>Campaign:TestingMode</c>, nothing stored yet).
    /// </summary>
    public sealed record TestingModeStateView(bool Enabled, string Source, bool Configured, DateTime? ChangedAt, string? ChangedBy)
    {
        public static TestingModeStateView From(TestingModeState s) => new(s.Enabled, s.Source, s.Configured, s.ChangedAt, s.ChangedBy);
    }

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/api/settings").WithTags("Settings").RequireScope(ApiScopes.Admin);
        group.MapGet("/testing-mode", GetAsync).WithSummary("Whether testing mode is on, and where that came from (stored or configuration)")
            .Produces<TestingModeStateView>();
        group.MapPut("/testing-mode", PutAsync).RequireAuthorization(OperatorPolicy.AdminOnly)
            .WithSummary("Turn testing mode on or off (new sequences send at minutes, not days)")
            .DocumentsJsonBody<TestingModeView>().Produces<TestingModeStateView>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> GetAsync(TestingModeStore store, CancellationToken ct) =>
        TypedResults.Ok(TestingModeStateView.From(await store.StateAsync(ct)));

    private static async Task<IResult> PutAsync(HttpRequest request, TestingModeStore store, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        if (body.Error is { } error) return error;
        if (body.Root.ValueKind != JsonValueKind.Object || !body.Root.TryGetProperty("enabled", out var value)
            || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return ApiResults.Invalid("enabled", "Send {\"enabled\": true} or {\"enabled\": false}.");
        var enabled = value.GetBoolean();
        await store.SetAsync(enabled, request.HttpContext.ActorName(), ct);
        return TypedResults.Ok(TestingModeStateView.From(await store.StateAsync(ct)));
    }
}
