using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Christmas.Core.Templates.Limits;

/// <summary>
/// <c>(from..to)</c> that refuses a range longer than <see cref="TemplateLimits.MaxRangeSize"/> before
/// allocating it (Fluid's own range builds every item first, so MaxSteps alone comes too late).
/// </summary>
public sealed class BoundedRangeExpression(Expression from, Expression to) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var budget = RenderBudgets.Of(context);
        budget.Check();
        var start = (await from.EvaluateAsync(context)).ToNumberValue();
        var end = (await to.EvaluateAsync(context)).ToNumberValue();
        var size = end - start + 1;
        if (size > budget.Limits.MaxRangeSize)
            throw new TemplateLimitException($"A range of {size:N0} items is more than the {budget.Limits.MaxRangeSize:N0} allowed.");
        var first = (int)start;
        var items = new FluidValue[Math.Max(0, (int)size)];
        for (var i = 0; i < items.Length; i++) items[i] = NumberValue.Create(first + i);
        return new ArrayValue(items);
    }
}
