using Christmas.Core.Contacts;
using Christmas.Core.Delivery;
using Christmas.Core.SendRules;
using Christmas.Core.Templates;

namespace Christmas.Core.Simulation;

/// <summary>
/// The send job's rendering for one simulation: the same template choice (the segment's variant, else the
/// base), the same variables (the contact's latest data, at the virtual send time) and the real renderer.
/// Templates are looked up once per (template, segment) and each version's whole email is rendered once to
/// find a body that cannot render; each send then renders its own subject.
/// </summary>
internal sealed class SimulatedMail(TemplateStore templates, TemplateRenderer renderer, EmailVariables variables, SendRuleSet rules, string unsubscribeUrl)
{
    private readonly Dictionary<(string Key, Segment? Segment), EmailTemplate?> _templates = [];
    private readonly Dictionary<(string Key, int Version), string?> _bodyErrors = [];

    /// <returns>The subject and the template used, or the error the send job would fail the step with.</returns>
    public async Task<(string? Subject, string TemplateKey, string? Error)> RenderAsync(string templateKey, Contact contact, string payloadJson,
        DateTime at, CancellationToken ct)
    {
        if (!_templates.TryGetValue((templateKey, contact.Segment), out var template))
            _templates[(templateKey, contact.Segment)] = template = await templates.ForStepAsync(templateKey, contact.Segment?.ToString(), ct);
        if (template is null) return (null, templateKey, $"There is no template '{templateKey}'.");

        var vars = variables.For(contact, payloadJson, unsubscribeUrl, rules, at);
        var version = (template.Key, template.Version);
        if (!_bodyErrors.TryGetValue(version, out var bodyError))
        {
            try
            {
                await renderer.RenderAsync(template, vars);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                bodyError = Describe(ex, template);
            }
            _bodyErrors[version] = bodyError;
        }
        if (bodyError is not null) return (null, template.Key, bodyError);
        try
        {
            return (await renderer.RenderSubjectAsync(template, vars), template.Key, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, template.Key, Describe(ex, template));
        }
    }

    /// <summary>The send job's message for a template that cannot render.</summary>
    private static string Describe(Exception ex, EmailTemplate template) =>
        ex is TemplateException ? ex.Message : $"Template {template.Key} failed to render: {ex.Message}";
}
