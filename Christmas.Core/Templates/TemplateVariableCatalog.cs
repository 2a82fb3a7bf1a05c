using Christmas.Core.Campaign.Live;
using Christmas.Core.Delivery;

namespace Christmas.Core.Templates;

/// <summary>
/// Every variable a template may use: the contact's and campaign's (<see cref="EmailVariables"/>) and every field
/// of the published revision's handlers (a new handler's fields are known once it is published).
/// </summary>
public sealed class TemplateVariableCatalog(Func<LiveCampaign> campaign)
{
    private (int Revision, IReadOnlySet<string> Names)? _known;

    public IReadOnlySet<string> Names
    {
        get
        {
            var live = campaign();
            if (_known is { } known && known.Revision == live.Revision) return known.Names;
            var names = EmailVariables.Names.Concat(live.Handlers.SelectMany(h => h.Fields).Select(f => f.Name)).ToHashSet(StringComparer.Ordinal);
            _known = (live.Revision, names);
            return names;
        }
    }
}
