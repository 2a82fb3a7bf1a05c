using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Christmas.Core.Templates.Limits;
using Fluid;
using Fluid.Values;
using Markdig;

namespace Christmas.Core.Templates;

/// <summary>
/// Liquid (Fluid) then Markdown (Markdig) into the <see cref="EmailLayout"/>. The parser and the
/// Markdown pipeline are built once; each template version is compiled once and cached. Values are
/// made literal text (<see cref="MarkdownText"/>), so they come out HTML-escaped and never become markup.
/// Every render runs within <see cref="TemplateLimits"/>: at save, in the preview and at send time alike.
/// </summary>
public sealed partial class TemplateRenderer(TemplateVariableCatalog catalog, EmailLayout layout, TemplateLimits? limits = null)
{
    private readonly TemplateLimits _limits = limits ?? new TemplateLimits();
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new()
    {
        MaxSteps = (limits ?? new TemplateLimits()).MaxSteps,
        MaxRecursion = (limits ?? new TemplateLimits()).MaxRecursion,
    };
    private readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder().UseAutoLinks().Build();
    private readonly ConcurrentDictionary<(string Key, int Version), (IFluidTemplate Subject, IFluidTemplate Body, bool Html)> _compiled = new();

    /// <summary>What is wrong with a template before it is saved: parse errors and variables no data has.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string subject, string body, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var parsedSubject = Parse("subject", subject, errors);
        var parsedBody = Parse("body", body, errors);
        if (errors.Count > 0) return errors;

        var sample = catalog.Names.ToDictionary(n => n, n => (string?)n, StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await RenderAsync(parsedSubject!, sample, unknown, v => v, ct);
            await RenderAsync(parsedBody!, sample, unknown, v => v, ct);
        }
        catch (TemplateLimitException ex)
        {
            return [ex.Message];
        }
        if (unknown.Count > 0)
            errors.Add($"Unknown variable(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", catalog.Names.Order())}.");
        return errors;
    }

    /// <exception cref="TemplateException">The template does not parse, or uses a variable that is not in <paramref name="variables"/>.</exception>
    public async Task<RenderedEmail> RenderAsync(EmailTemplate template, IReadOnlyDictionary<string, string?> variables, CancellationToken ct = default)
    {
        var (subjectTemplate, bodyTemplate, html) = _compiled.GetOrAdd((template.Key, template.Version), _ => Compile(template));
        return await RenderCompiledAsync(template.Key, subjectTemplate, bodyTemplate, html, variables, ct);
    }

    /// <summary>
    /// Only the subject, exactly as <see cref="RenderAsync(EmailTemplate, IReadOnlyDictionary{string, string?})"/> makes it (the same
    /// compiled version, the same whitespace rule): the simulator shows thousands of subjects and checks each body once.
    /// </summary>
    /// <exception cref="TemplateException">The template does not parse, or its subject uses a variable that is not in <paramref name="variables"/>.</exception>
    public async Task<string> RenderSubjectAsync(EmailTemplate template, IReadOnlyDictionary<string, string?> variables, CancellationToken ct = default)
    {
        var (subjectTemplate, _, _) = _compiled.GetOrAdd((template.Key, template.Version), _ => Compile(template));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var subject = Subject(await RenderAsync(template.Key, subjectTemplate, variables, missing, v => v, ct));
        if (missing.Count > 0) throw Missing(template.Key, missing);
        return subject;
    }

    /// <summary>An unsaved text (the console's editor): compiled each time and never cached, since drafts change per keystroke.</summary>
    /// <exception cref="TemplateException">As <see cref="RenderAsync(EmailTemplate, IReadOnlyDictionary{string, string?})"/>.</exception>
    public Task<RenderedEmail> RenderDraftAsync(string key, string subject, string body, IReadOnlyDictionary<string, string?> variables,
        CancellationToken ct = default)
    {
        var (subjectTemplate, bodyTemplate, html) = Compile(new EmailTemplate(key, 0, subject, body, "", default));
        return RenderCompiledAsync(key, subjectTemplate, bodyTemplate, html, variables, ct);
    }

    /// <param name="htmlBody">The body is HTML (texts imported from the old system), not Markdown: values are HTML-escaped and Markdown is skipped.</param>
    private async Task<RenderedEmail> RenderCompiledAsync(string key, IFluidTemplate subjectTemplate, IFluidTemplate bodyTemplate,
        bool htmlBody, IReadOnlyDictionary<string, string?> variables, CancellationToken ct)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var subject = Subject(await RenderAsync(key, subjectTemplate, variables, missing, v => v, ct));
        var body = await RenderAsync(key, bodyTemplate, variables, missing, htmlBody ? WebUtility.HtmlEncode : MarkdownText.Escape, ct);
        if (missing.Count > 0) throw Missing(key, missing);

        var html = layout.Html(subject, htmlBody ? body : Markdown.ToHtml(body, _markdown), variables);
        var text = PlainText.CollapseBlankLines(layout.Text(htmlBody ? PlainText.FromHtml(body) : PlainText.FromMarkdown(body), variables)) + "\n";
        return new RenderedEmail(subject, html, text);
    }

    private static string Subject(string rendered) => Whitespace().Replace(rendered, " ").Trim();

    private static TemplateException Missing(string key, IEnumerable<string> missing) =>
        new(key, [$"Uses {string.Join(", ", missing)}, which the data lacks."]);

    /// <summary>A body that starts with a tag is HTML (the old system stored its emails as raw HTML).</summary>
    public static bool IsHtml(string body) => body.TrimStart().StartsWith('<');

    private (IFluidTemplate, IFluidTemplate, bool) Compile(EmailTemplate template)
    {
        var errors = new List<string>();
        var subject = Parse("subject", template.Subject, errors);
        var body = Parse("body", template.Body, errors);
        if (errors.Count > 0) throw new TemplateException(template.Key, errors);
        return (subject!, body!, IsHtml(template.Body));
    }

    private IFluidTemplate? Parse(string part, string source, List<string> errors)
    {
        if (!_parser.TryParse(source, out var parsed, out var error))
        {
            errors.Add($"The {part} does not parse: {error}");
            return null;
        }
        var (template, refused) = TemplateGuard.Apply(parsed);
        errors.AddRange(refused.Select(r => $"The {part}: {r}"));
        return refused.Count == 0 ? template : null;
    }

    /// <exception cref="TemplateException">A limit was reached, or Fluid failed while rendering.</exception>
    private async Task<string> RenderAsync(string key, IFluidTemplate template, IReadOnlyDictionary<string, string?> variables,
        ISet<string> undefined, Func<string, string> escape, CancellationToken ct)
    {
        try
        {
            return await RenderAsync(template, variables, undefined, escape, ct);
        }
        catch (TemplateLimitException ex)
        {
            throw new TemplateException(key, [ex.Message]);
        }
    }

    /// <exception cref="TemplateLimitException">A limit was reached, or Fluid failed while rendering.</exception>
    private async Task<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, string?> variables,
        ISet<string> undefined, Func<string, string> escape, CancellationToken ct)
    {
        var budget = new RenderBudget(_limits, TimeProvider.System, ct);
        var context = new TemplateContext(_options);
        RenderBudgets.Attach(context, budget);
        foreach (var (name, value) in variables)
            context.SetValue(name, value is null ? NilValue.Instance : new StringValue(escape(value)));
        context.Undefined = name =>
        {
            undefined.Add(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        // A string doubled in a loop grows without writing anything: assignments are measured too.
        context.Assigned = (_, value, _) => Measured(value, budget);
        context.Captured = (_, value, _) => Measured(value, budget);
        await using var writer = new BoundedWriter(budget);
        try
        {
            await template.RenderAsync(writer, NullEncoder.Default, context);
        }
        catch (Exception ex) when (ex is not (TemplateLimitException or OperationCanceledException))
        {
            // Fluid's own step and recursion limits, and its failures (a filter given bad input), end up here.
            throw new TemplateLimitException(ex.Message.StartsWith("The maximum level of recursion", StringComparison.Ordinal)
                ? $"It runs more than {_limits.MaxSteps:N0} loop steps or nests deeper than {_limits.MaxRecursion}; simplify its loops."
                : $"It failed to render: {ex.Message}");
        }
        return writer.ToString();
    }

    private static ValueTask<FluidValue> Measured(FluidValue value, RenderBudget budget)
    {
        if (value is StringValue s) budget.CheckLength(s.ToStringValue().Length);
        else budget.Check();
        return ValueTask.FromResult(value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
