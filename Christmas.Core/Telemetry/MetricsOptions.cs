namespace Christmas.Core.Telemetry;

/// <summary>Section <c>Metrics</c>: the Prometheus endpoint for the person on call.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> (behind the API token) and collect the instruments; off: no endpoint, no listener.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the database gauges (pending, overdue and failed steps, Notion backlog) are reused between scrapes.</summary>
    public double GaugeCacheSeconds { get; set; } = 5;
}
