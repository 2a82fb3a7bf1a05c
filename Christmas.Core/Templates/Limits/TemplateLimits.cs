namespace Christmas.Core.Templates.Limits;

/// <summary>
/// How much one render may do. A Marketer's template runs on the server, so a loop over
/// (1..100000000) or a string doubled in a loop must end as an error, not take the process down.
/// Real emails stay far below every figure.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Loop iterations per render (Fluid's <c>MaxSteps</c>).</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Nesting depth (Fluid's <c>MaxRecursion</c>).</summary>
    public int MaxRecursion { get; init; } = 20;

    /// <summary>Items in a range such as <c>(1..n)</c>: Fluid builds the whole range in memory before the loop starts.</summary>
    public int MaxRangeSize { get; init; } = 10_000;

    /// <summary>Characters one part (subject or body) may render to, and one assigned or captured value may hold.</summary>
    public int MaxOutputChars { get; init; } = 1_000_000;

    /// <summary>Wall-clock time one render may take.</summary>
    public TimeSpan MaxRenderTime { get; init; } = TimeSpan.FromSeconds(2);
}
