namespace Christmas.Core.Settings;

/// <summary>
/// Which testing mode is in force and where it came from: the value stored in the database (set in the
/// console or the API; it wins over configuration at every start), else <c>Campaign:TestingMode</c>.
/// </summary>
/// <param name="Stored">True when a stored value decides; false when configuration does (nothing stored yet).</param>
/// <param name="Configured">What <c>Campaign:TestingMode</c> says (only the initial value once something is stored).</param>
/// <param name="ChangedAt">When the stored value was last set; null when nothing is stored.</param>
/// <param name="ChangedBy">Who set it (from the audit log); null when nothing is stored or the log has no entry.</param>
public sealed record TestingModeState(bool Enabled, bool Stored, bool Configured, DateTime? ChangedAt, string? ChangedBy)
{
    public const string StoredSource = "stored";
    public const string ConfigurationSource = "configuration";

    /// <summary>"stored" or "configuration", as the API answers it.</summary>
    public string Source => Stored ? StoredSource : ConfigurationSource;

    /// <summary>Whether the stored value overrides a different <c>Campaign:TestingMode</c>.</summary>
    public bool OverridesConfiguration => Stored && Enabled != Configured;

    /// <summary>One sentence for the start-up log and the Settings page.</summary>
    public string Describe()
    {
        var mode = $"Testing mode is {(Enabled ? "on" : "off")}";
        if (!Stored) return $"{mode}, from configuration Campaign:TestingMode ({Lower(Configured)}); nothing is stored in the database yet.";
        var setBy = ChangedBy is null ? "" : $" by {ChangedBy}";
        var setAt = ChangedAt is { } at ? $" at {at:yyyy-MM-dd HH:mm} UTC" : "";
        var config = OverridesConfiguration
            ? $"it overrides configuration Campaign:TestingMode ({Lower(Configured)})"
            : $"configuration Campaign:TestingMode says the same ({Lower(Configured)})";
        return $"{mode}, from the value stored in the database (set{setBy}{setAt}); {config}.";
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
