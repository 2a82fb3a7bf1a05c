using Christmas.Core.Campaign;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Templates;

/// <summary>
/// Realistic values for every variable of the catalog, to preview a template without a contact: a
/// salon owner with two red systems, the campaign's own values where configured. A segment variant
/// ("assessment-2.urgent") gets its segment.
/// </summary>
public sealed class SampleVariables(TemplateVariableCatalog catalog, IOptions<CampaignOptions> options, TimeProvider time)
{
    public IReadOnlyDictionary<string, string?> For(string templateKey)
    {
        var campaign = options.Value;
        var today = time.GetUtcNow();
        var at = (int days) => today.AddDays(days).ToString("yyyy-MM-ddT10:00:00Z");
        var known = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["email"] = "sarah@example.com",
            ["first_name"] = "Sarah",
            ["business_name"] = "Sarah's Salon",
            ["segment"] = SegmentOf(templateKey),
            ["red_systems"] = "2", ["orange_systems"] = "1", ["yellow_systems"] = "2", ["green_systems"] = "3",
            ["weakest_system_1"] = "GPS", ["weakest_system_2"] = "FUEL",
            ["revenue_leak_total"] = "14700",
            ["calendly_link"] = campaign.CalendlyUrl ?? "https://calendly.com/example/diagnostic-call",
            ["deadline"] = campaign.Deadline ?? "December 31",
            ["offer_ends_at"] = "December 20, 2026 at 11:59 PM",
            ["days_left"] = "5",
            ["sender_name"] = campaign.Sender.Name ?? "The BusOS team",
            ["sender_postal_address"] = campaign.Sender.PostalAddress ?? "100 Main Street, Toronto ON M5V 2T6, Canada",
            ["sender_contact_email"] = campaign.Sender.ContactEmail ?? "hello@example.com",
            ["unsubscribe_url"] = $"{campaign.PublicBaseUrl.TrimEnd('/')}/u/sample",
            ["email_1_sent_at"] = at(-1), ["email_1_status"] = "sent",
            ["calendly_event_id"] = "evt_123abc", ["scheduled_time"] = at(-1),
            ["call_date"] = at(-1), ["interest_level"] = "medium",
            ["payment_status"] = "paid", ["payment_date"] = at(0), ["package_type"] = "foundation",
        };
        return catalog.Names.ToDictionary(n => n, n => known.TryGetValue(n, out var v) ? v : $"sample {n.Replace('_', ' ')}", StringComparer.Ordinal);
    }

    private static string SegmentOf(string templateKey) =>
        templateKey.LastIndexOf('.') is var dot and > 0 ? templateKey[(dot + 1)..].ToUpperInvariant() : "CRITICAL";
}
