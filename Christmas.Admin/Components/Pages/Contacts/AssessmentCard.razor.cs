using System.Globalization;
using Christmas.Core.Contacts;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>The eight systems as coloured counts and a bar of eight blocks, the weakest systems and the revenue leak.</summary>
public partial class AssessmentCard
{
    [Parameter, EditorRequired] public ContactDetails Contact { get; set; } = default!;

    private bool HasAssessment => Contact.RedSystems is not null || Contact.OrangeSystems is not null
        || Contact.YellowSystems is not null || Contact.GreenSystems is not null;

    private IEnumerable<(string Css, int Count)> Bands =>
    [
        ("red", Contact.RedSystems ?? 0), ("orange", Contact.OrangeSystems ?? 0),
        ("yellow", Contact.YellowSystems ?? 0), ("green", Contact.GreenSystems ?? 0),
    ];

    private string BarLabel =>
        $"{Contact.RedSystems ?? 0} red, {Contact.OrangeSystems ?? 0} orange, {Contact.YellowSystems ?? 0} yellow, {Contact.GreenSystems ?? 0} green systems";

    private string Weakest =>
        string.Join(", ", new[] { Contact.WeakestSystem1, Contact.WeakestSystem2 }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } w ? w : "—";

    // Revenue leak is a dollar amount from the website's assessment (no currency is sent; the campaign is in dollars).
    private string RevenueLeak =>
        Contact.RevenueLeakTotal is { } leak ? leak.ToString("$#,##0", CultureInfo.InvariantCulture) : "—";
}
