namespace Christmas.Core.Webhooks;

/// <summary>One input field of a webhook.</summary>
/// <param name="Expected">A value the field should have; any other is accepted with a warning.</param>
/// <param name="StartsSequenceOnlyIfExpected">Without the expected value no sequence starts (payment not "paid").</param>
/// <param name="Min">Lowest value of an integer or amount.</param>
/// <param name="Max">Highest value of an integer or amount.</param>
public sealed record FieldRule(
    string Name,
    FieldKind Kind,
    bool Required = true,
    string? Expected = null,
    bool StartsSequenceOnlyIfExpected = false,
    decimal? Min = null,
    decimal? Max = null);
