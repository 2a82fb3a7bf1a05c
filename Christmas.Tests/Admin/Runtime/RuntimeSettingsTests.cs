using System.Globalization;
using System.Text.Json;
using Christmas.Core.SendRules;
using NodaTime;

namespace Christmas.Tests.Admin.Runtime;

/// <summary>
/// The tests run with the published app's runtime settings (Runtime.props): a behaviour that
/// depends on the machine's cultures fails here as it fails in production.
/// </summary>
public sealed class RuntimeSettingsTests
{
    // Settings that change speed or memory, not behaviour: the test host may differ.
    private static readonly HashSet<string> PerformanceOnly = ["System.GC.Server", "System.GC.Concurrent"];

    [Fact]
    public void TheTestHost_RunsWithInvariantGlobalization_LikeTheApp()
    {
        Assert.True(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Throws<CultureNotFoundException>(() => CultureInfo.GetCultureInfo("en-US"));
    }

    [Fact]
    public void EveryBehaviourSettingOfTheApp_IsSetTheSameInTheTestHost()
    {
        var app = ConfigProperties(Path.Combine(AppContext.BaseDirectory, "Christmas.Admin.runtimeconfig.json"));
        var tests = ConfigProperties(Path.Combine(AppContext.BaseDirectory, "Christmas.Tests.runtimeconfig.json"));
        var missing = app.Where(p => !PerformanceOnly.Contains(p.Key))
            .Where(p => !tests.TryGetValue(p.Key, out var value) || value != p.Value)
            .Select(p => $"{p.Key}={p.Value}").ToList();
        Assert.True(missing.Count == 0, "Set in the app but not in the tests (put it in Runtime.props): " + string.Join(", ", missing));
    }

    [Fact]
    public void TheOffersEnd_IsWrittenInEnglish_WithoutAnyInstalledCulture()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Toronto"];
        var end = DateTimeOffset.Parse("2026-12-20T23:59:00-05:00", CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal("December 20, 2026 at 11:59 PM", OfferTerms.EndsAtText(end, zone));
        Assert.Equal("December 20, 2026", OfferTerms.DeadlineText(end, zone));
    }

    private static Dictionary<string, string> ConfigProperties(string file)
    {
        Assert.True(File.Exists(file), $"{file} is missing");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ToString());
    }
}
