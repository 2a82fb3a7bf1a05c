using Fluid;
using Fluid.Ast;

namespace Christmas.Core.Templates.Limits;

/// <summary>
/// Rewrites a parsed template for rendering on the server: ranges become <see cref="BoundedRangeExpression"/>,
/// and <c>include</c> / <c>render</c> are reported (there are no template files to include, and Fluid
/// would fail while rendering instead of when the text is saved).
/// </summary>
public sealed class TemplateGuard : AstRewriter
{
    private readonly List<string> _errors = [];

    /// <summary>The guarded template, or the reasons it cannot be used.</summary>
    public static (IFluidTemplate Template, IReadOnlyList<string> Errors) Apply(IFluidTemplate template)
    {
        var guard = new TemplateGuard();
        var guarded = guard.VisitTemplate(template);
        return (guarded, guard._errors.Distinct().ToList());
    }

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression(Visit(rangeExpression.From), Visit(rangeExpression.To));

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        _errors.Add("{% include %} is not supported: a template cannot include another file. Copy the text in instead.");
        return base.VisitIncludeStatement(includeStatement);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        _errors.Add("{% render %} is not supported: a template cannot include another file. Copy the text in instead.");
        return base.VisitRenderStatement(renderStatement);
    }
}
