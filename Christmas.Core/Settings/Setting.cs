namespace Christmas.Core.Settings;

/// <summary>A persisted operator setting (key/value), e.g. testing mode.</summary>
public sealed class Setting
{
    public string Key { get; private set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    private Setting() { }

    public Setting(string key, string value, DateTime now)
    {
        Key = key;
        Value = value;
        UpdatedAt = now;
    }
}
