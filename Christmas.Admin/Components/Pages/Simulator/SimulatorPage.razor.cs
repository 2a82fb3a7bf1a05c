using System.Text.Json;
using System.Text.Json.Nodes;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Christmas.Core.Simulation;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Simulator;

/// <summary>The simulator's form: it builds the same body as <c>POST /api/simulations</c> and shows the result.</summary>
public partial class SimulatorPage
{
    [Inject] private SimulationRunner Simulations { get; set; } = default!;
    [Inject] private TestingModeStore TestingModeStore { get; set; } = default!;
    [Inject] private SendRuleSet Rules { get; set; } = default!;
    [Inject] private ILogger<SimulatorPage> Logger { get; set; } = default!;

    private int Days { get; set; } = 10;
    private bool UseCalls { get; set; } = true;
    private bool TestingMode { get; set; }
    private string? QuietHours { get; set; }
    private string? MinimumGap { get; set; }
    private string CallsText { get; set; } = SimulatorExample.Calls;
    private IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
    private SimulationResult? Result { get; set; }
    private bool Busy { get; set; }

    private string ConfiguredQuiet => Rules.Quiet?.ToString() ?? "off";
    private string ConfiguredGap => Rules.MinimumGap?.ToString("c") ?? "off";

    protected override async Task OnInitializedAsync() => TestingMode = await TestingModeStore.IsEnabledAsync(CancellationToken.None);

    private async Task RunAsync()
    {
        Result = null;
        if (Body() is not { } body) return;
        Busy = true;
        try
        {
            var (result, errors) = await Simulations.RunAsync(body, CancellationToken.None);
            (Result, Errors) = (result, errors);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "The simulation failed");
            Errors = new Dictionary<string, string[]> { ["simulation"] = [$"The simulation failed: {ex.Message}"] };
        }
        finally
        {
            Busy = false;
        }
    }

    /// <returns>The request's JSON, or null with the error shown (the pasted calls are not JSON).</returns>
    private JsonElement? Body()
    {
        var body = new JsonObject { ["days"] = Days, ["testingMode"] = TestingMode };
        if (!string.IsNullOrWhiteSpace(QuietHours)) body["quietHours"] = QuietHours.Trim();
        if (!string.IsNullOrWhiteSpace(MinimumGap)) body["minimumGap"] = MinimumGap.Trim();
        if (UseCalls)
        {
            try
            {
                body["contacts"] = JsonNode.Parse(CallsText ?? "");
            }
            catch (JsonException ex)
            {
                Errors = new Dictionary<string, string[]> { ["contacts"] = [$"The webhook calls are not valid JSON: {ex.Message}"] };
                return null;
            }
        }
        Errors = new Dictionary<string, string[]>();
        return JsonSerializer.SerializeToElement(body);
    }
}
