namespace Christmas.Core.Campaign.Definition;

/// <summary>One payload field of a handler.</summary>
/// <param name="Kind">One of <see cref="FieldKinds.All"/>.</param>
/// <param name="Expected">A value the field should have; another is accepted with a warning.</param>
/// <param name="Min">Lowest value of an integer or amount.</param>
/// <param name="StartsOnlyIfExpected">Without the expected value no sequence starts (onboarding's payment not "paid").</param>
public sealed record FieldSpec(
    string Name,
    string Kind,
    bool Required = true,
    string? Expected = null,
    decimal? Min = null,
    decimal? Max = null,
    bool StartsOnlyIfExpected = false);
