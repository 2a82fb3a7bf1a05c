using Christmas.Core.Delivery;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Templates;

/// <summary>Every variable a template may use: the contact's and campaign's (<see cref="EmailVariables"/>) and every webhook field.</summary>
public sealed class TemplateVariableCatalog(HandlerCatalog handlers)
{
    public IReadOnlySet<string> Names { get; } = EmailVariables.Names
        .Concat(handlers.All.SelectMany(h => h.Fields).Select(f => f.Name))
        .ToHashSet(StringComparer.Ordinal);
}
