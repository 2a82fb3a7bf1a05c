namespace Christmas.Core.Templates.Limits;

/// <summary>
/// One render's time and size allowance. Fluid takes no cancellation token, so the render checks this
/// at every write, assignment and range instead.
/// </summary>
public sealed class RenderBudget(TemplateLimits limits, TimeProvider time, CancellationToken ct)
{
    private readonly long _started = time.GetTimestamp();

    public TemplateLimits Limits => limits;

    /// <exception cref="OperationCanceledException">The caller gave up (the editor's next keystroke).</exception>
    /// <exception cref="TemplateLimitException">The render ran past <see cref="TemplateLimits.MaxRenderTime"/>.</exception>
    public void Check()
    {
        ct.ThrowIfCancellationRequested();
        if (time.GetElapsedTime(_started) > limits.MaxRenderTime)
            throw new TemplateLimitException($"It took longer than {limits.MaxRenderTime.TotalSeconds:0.#} s to render; simplify its loops.");
    }

    /// <exception cref="TemplateLimitException">A text longer than <see cref="TemplateLimits.MaxOutputChars"/>.</exception>
    public void CheckLength(long chars)
    {
        if (chars > limits.MaxOutputChars)
            throw new TemplateLimitException($"It renders more than {limits.MaxOutputChars:N0} characters.");
        Check();
    }
}
