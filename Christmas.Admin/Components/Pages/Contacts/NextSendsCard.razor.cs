using Christmas.Admin.Components.Shared;
using Christmas.Core.Contacts;
using Christmas.Core.SendRules;
using Microsoft.AspNetCore.Components;
using NodaTime;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>
/// The top of the contact page: what the contact gets next (<see cref="NextSend"/>, computed by Core the
/// way the send job decides). Times in the campaign's zone (<c>Campaign:DefaultTimeZone</c>, UTC unless set).
/// </summary>
public partial class NextSendsCard
{
    [Inject] private SendRuleSet Rules { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<NextSend> Upcoming { get; set; } = [];

    private string ZoneName => Rules.DefaultZone.Id is "UTC" or "Etc/UTC" ? "UTC" : Rules.DefaultZone.Id;

    private string When(DateTime utc)
    {
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Rules.DefaultZone).ToDateTimeUnspecified();
        return UtcTime.WallClock(local, DateTime.UtcNow.Year);
    }

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
