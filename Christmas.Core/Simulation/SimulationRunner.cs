using System.Text.Json;

namespace Christmas.Core.Simulation;

/// <summary>The simulator's one entry point for the API and the console page: read the request, play it from now.</summary>
public sealed class SimulationRunner(SimulationRequestReader reader, CampaignSimulator simulator, TimeProvider time)
{
    /// <returns>The result, or null with the errors per field (nothing was played).</returns>
    public async Task<(SimulationResult? Result, IReadOnlyDictionary<string, string[]> Errors)> RunAsync(JsonElement body, CancellationToken ct)
    {
        var (request, errors) = reader.Read(body, time.GetUtcNow().UtcDateTime);
        return request is null ? (null, errors) : (await simulator.RunAsync(request, ct), errors);
    }
}
