using System.Globalization;
using System.Text.Json;
using Christmas.Core.Campaign;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Unsubscribe;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Templates;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery;

/// <summary>The variables a step's template renders with: the sequence payload, overlaid by the contact's latest data and the campaign values.</summary>
public sealed class EmailVariables(IOptionsMonitor<CampaignOptions> options, UnsubscribeTokens unsubscribe, TemplateVariableCatalog catalog,
    SendRuleSet rules, TimeProvider time)
{
    /// <summary>The names this class always sets (a value may be null); webhook fields come on top.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "email", "first_name", "business_name", "segment", "red_systems", "orange_systems", "yellow_systems", "green_systems",
        "weakest_system_1", "weakest_system_2", "revenue_leak_total", "calendly_link", "deadline",
        "offer_ends_at", "days_left", "sender_name", "sender_postal_address", "sender_contact_email", "unsubscribe_url",
    ];

    /// <summary>
    /// Campaign values: set here from configuration, never from a webhook payload (a caller holding the
    /// guide's public key must not change the offer's end, the sender or the unsubscribe link of an email).
    /// </summary>
    private static readonly HashSet<string> CampaignNames = new(StringComparer.Ordinal)
    {
        "calendly_link", "deadline", "offer_ends_at", "days_left", "sender_name", "sender_postal_address", "sender_contact_email", "unsubscribe_url",
    };

    /// <param name="at">When the email goes (<c>days_left</c> counts from it); now when not given.</param>
    public async Task<IReadOnlyDictionary<string, string?>> ForAsync(Contact contact, Sequence sequence, CancellationToken ct, DateTime? at = null) =>
        For(contact, sequence.PayloadJson, await unsubscribe.UrlAsync(contact.Id, ct), rules, at ?? time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The same variables from data alone: the simulator renders with its virtual clock (<c>days_left</c>),
    /// the rules it plays with (the offer's end) and no unsubscribe token (making one may write the secret).
    /// </summary>
    public Dictionary<string, string?> For(Contact contact, string payloadJson, string? unsubscribeUrl, SendRuleSet ruleSet, DateTime now)
    {
        // Every known variable is defined, null when this contact or call has no value: a
        // template's {% if package_type %} must read "no", not fail as an unknown variable.
        var vars = catalog.Names.ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
        AddPayload(vars, payloadJson);

        vars["email"] = contact.Email;
        vars["first_name"] = contact.FirstName;
        vars["business_name"] = contact.BusinessName;
        vars["segment"] = contact.Segment?.ToSegmentName();
        vars["red_systems"] = Number(contact.RedSystems);
        vars["orange_systems"] = Number(contact.OrangeSystems);
        vars["yellow_systems"] = Number(contact.YellowSystems);
        vars["green_systems"] = Number(contact.GreenSystems);
        vars["weakest_system_1"] = contact.WeakestSystem1;
        vars["weakest_system_2"] = contact.WeakestSystem2;
        vars["revenue_leak_total"] = contact.RevenueLeakTotal?.ToString("0.##", CultureInfo.InvariantCulture);

        var campaign = options.CurrentValue;
        vars["calendly_link"] = campaign.CalendlyUrl;
        vars["deadline"] = string.IsNullOrWhiteSpace(campaign.Deadline) ? null : campaign.Deadline;
        if (ruleSet.OfferEndsAt is { } end)
        {
            vars["offer_ends_at"] = OfferTerms.EndsAtText(end, ruleSet.DefaultZone);
            vars["days_left"] = OfferTerms.DaysLeft(end, now, ruleSet.DefaultZone).ToString(CultureInfo.InvariantCulture);
            vars["deadline"] ??= OfferTerms.DeadlineText(end, ruleSet.DefaultZone);
        }
        vars["sender_name"] = campaign.Sender.Name;
        vars["sender_postal_address"] = campaign.Sender.PostalAddress;
        vars["sender_contact_email"] = campaign.Sender.ContactEmail;
        vars["unsubscribe_url"] = unsubscribeUrl;
        return vars;
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void AddPayload(Dictionary<string, string?> vars, string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return;
        foreach (var p in doc.RootElement.EnumerateObject().Where(p => !CampaignNames.Contains(p.Name)))
        {
            vars[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => JsonText.TryGetString(p.Value, out var text) ? text : null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => null,
            };
        }
    }
}
