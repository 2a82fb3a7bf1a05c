using System.Diagnostics;

namespace Christmas.Core.Telemetry;

/// <summary>
/// The names the app's own telemetry goes by: one meter (created per container through
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/>) and one activity source, whose spans
/// cover a webhook's ingest up to its commit and a send job up to the provider's answer.
/// </summary>
public static class CampaignTelemetry
{
    public const string Name = "Christmas.Campaign";

    /// <summary>ActivitySource has no factory: one per process is the .NET pattern (nothing listens unless tracing is on).</summary>
    public static readonly ActivitySource Source = new(Name);
}
