using System.Text.Json;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Campaign.Revisions;

namespace Christmas.Core.Simulation;

/// <summary>The simulator's one entry point for the API and the console page: read the request, play it from now.</summary>
public sealed class SimulationRunner(SimulationRequestReader reader, CampaignSimulator simulator, PublishedCampaign published,
    CampaignDefinitionStore definitions, TimeProvider time)
{
    /// <returns>The result, or null with the errors per field (nothing was played).</returns>
    public async Task<(SimulationResult? Result, IReadOnlyDictionary<string, string[]> Errors)> RunAsync(JsonElement body, CancellationToken ct)
    {
        var current = await published.CurrentAsync(ct);
        var (request, errors) = reader.Read(body, time.GetUtcNow().UtcDateTime, current, await DraftAsync(body, current, ct));
        return request is null ? (null, errors) : (await simulator.RunAsync(request, ct), errors);
    }

    /// <summary>The draft compiled, read only when asked for; its handlers keep the published keys (a simulation calls no URL).</summary>
    private async Task<LiveCampaign?> DraftAsync(JsonElement body, LiveCampaign current, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("definition", out var d) || d.ValueKind != JsonValueKind.String
            || d.GetString() != "draft") return null;
        return await definitions.DraftAsync(ct) is { } draft ? CampaignCompiler.Compile(current.Revision + 1, draft.Document) : null;
    }
}
