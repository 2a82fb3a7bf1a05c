using Christmas.Core.Contacts;
using Christmas.Core.Delivery;
using Christmas.Core.Sequences;
using Christmas.Core.Templates;

namespace Christmas.Core.Scheduling;

/// <summary>
/// A step's email as it would be sent now: the template (segment variant, else base) rendered with the
/// contact's latest data. Writes nothing: the send job keeps the result on the step, "what happens
/// next" only reads its subject.
/// </summary>
public sealed class StepEmailComposer(EmailVariables variables, TemplateStore templates, TemplateRenderer renderer)
{
    /// <param name="Failure">The exception behind <paramref name="Error"/>, when rendering threw (a missing template has none).</param>
    public sealed record Result(OutgoingEmail? Email, string? Error, Exception? Failure = null);

    /// <param name="at">When it goes (the campaign's countdown variables count from it); now when not given.</param>
    public async Task<Result> ComposeAsync(Step step, Contact contact, Sequence sequence, CancellationToken ct, DateTime? at = null)
    {
        var vars = await variables.ForAsync(contact, sequence, ct, at);
        var template = await templates.ForStepAsync(step.TemplateKey, contact.Segment?.ToString(), ct);
        if (template is null) return new Result(null, $"There is no template '{step.TemplateKey}'.");
        try
        {
            var content = await renderer.RenderAsync(template, vars);
            return new Result(new OutgoingEmail(step.Id, contact.Email, template.Key, step.IdempotencyKey, content,
                EmailHeaders.For(vars["unsubscribe_url"]!), vars), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Result(null, ex is TemplateException ? ex.Message : $"Template {template.Key} failed to render: {ex.Message}", ex);
        }
    }
}
