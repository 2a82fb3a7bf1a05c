using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Markdig;

namespace Christmas.Core.Templates;

/// <summary>
/// Liquid (Fluid) then Markdown (Markdig) into the <see cref="EmailLayout"/>. The parser and the
/// Markdown pipeline are built once; each template version is compiled once and cached. Values are
/// made literal text (<see cref="MarkdownText"/>), so they come out HTML-escaped and never become markup.
/// </summary>
public sealed partial class TemplateRenderer(TemplateVariableCatalog catalog, EmailLayout layout)
{
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder().UseAutoLinks().Build();
    private readonly ConcurrentDictionary<(string Key, int Version), (IFluidTemplate Subject, IFluidTemplate Body, bool Html)> _compiled = new();

    /// <summary>What is wrong with a template before it is saved: parse errors and variables no data has.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string subject, string body)
    {
        var errors = new List<string>();
        var parsedSubject = Parse("subject", subject, errors);
        var parsedBody = Parse("body", body, errors);
        if (errors.Count > 0) return errors;

        var sample = catalog.Names.ToDictionary(n => n, n => (string?)n, StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        await RenderAsync(parsedSubject!, sample, unknown, v => v);
        await RenderAsync(parsedBody!, sample, unknown, v => v);
        if (unknown.Count > 0)
            errors.Add($"Unknown variable(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", catalog.Names.Order())}.");
        return errors;
    }

    /// <exception cref="TemplateException">The template does not parse, or uses a variable that is not in <paramref name="variables"/>.</exception>
    public async Task<RenderedEmail> RenderAsync(EmailTemplate template, IReadOnlyDictionary<string, string?> variables)
    {
        var (subjectTemplate, bodyTemplate, html) = _compiled.GetOrAdd((template.Key, template.Version), _ => Compile(template));
        return await RenderCompiledAsync(template.Key, subjectTemplate, bodyTemplate, html, variables);
    }

    /// <summary>
    /// Only the subject, exactly as <see cref="RenderAsync(EmailTemplate, IReadOnlyDictionary{string, string?})"/> makes it (the same
    /// compiled version, the same whitespace rule): the simulator shows thousands of subjects and checks each body once.
    /// </summary>
    /// <exception cref="TemplateException">The template does not parse, or its subject uses a variable that is not in <paramref name="variables"/>.</exception>
    public async Task<string> RenderSubjectAsync(EmailTemplate template, IReadOnlyDictionary<string, string?> variables)
    {
        var (subjectTemplate, _, _) = _compiled.GetOrAdd((template.Key, template.Version), _ => Compile(template));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var subject = Subject(await RenderAsync(subjectTemplate, variables, missing, v => v));
        if (missing.Count > 0) throw Missing(template.Key, missing);
        return subject;
    }

    /// <summary>An unsaved text (the console's editor): compiled each time and never cached, since drafts change per keystroke.</summary>
    /// <exception cref="TemplateException">As <see cref="RenderAsync(EmailTemplate, IReadOnlyDictionary{string, string?})"/>.</exception>
    public Task<RenderedEmail> RenderDraftAsync(string key, string subject, string body, IReadOnlyDictionary<string, string?> variables)
    {
        var (subjectTemplate, bodyTemplate, html) = Compile(new EmailTemplate(key, 0, subject, body, "", default));
        return RenderCompiledAsync(key, subjectTemplate, bodyTemplate, html, variables);
    }

    /// <param name="htmlBody">The body is HTML (texts imported from the old system), not Markdown: values are HTML-escaped and Markdown is skipped.</param>
    private async Task<RenderedEmail> RenderCompiledAsync(string key, IFluidTemplate subjectTemplate, IFluidTemplate bodyTemplate,
        bool htmlBody, IReadOnlyDictionary<string, string?> variables)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var subject = Subject(await RenderAsync(subjectTemplate, variables, missing, v => v));
        var body = await RenderAsync(bodyTemplate, variables, missing, htmlBody ? WebUtility.HtmlEncode : MarkdownText.Escape);
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
        if (_parser.TryParse(source, out var template, out var error)) return template;
        errors.Add($"The {part} does not parse: {error}");
        return null;
    }

    private async Task<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, string?> variables,
        ISet<string> undefined, Func<string, string> escape)
    {
        var context = new TemplateContext(_options);
        foreach (var (name, value) in variables)
            context.SetValue(name, value is null ? NilValue.Instance : new StringValue(escape(value)));
        context.Undefined = name =>
        {
            undefined.Add(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        return await template.RenderAsync(context, NullEncoder.Default);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
