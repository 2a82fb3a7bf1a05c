using Fluid;

namespace Christmas.Core.Templates.Limits;

/// <summary>Where a render's <see cref="RenderBudget"/> travels: the Fluid context's ambient values.</summary>
public static class RenderBudgets
{
    private const string Key = "christmas.renderBudget";

    public static void Attach(TemplateContext context, RenderBudget budget) => context.AmbientValues[Key] = budget;

    public static RenderBudget Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var budget) && budget is RenderBudget b
            ? b
            : throw new InvalidOperationException("The template is rendered without a budget.");
}
