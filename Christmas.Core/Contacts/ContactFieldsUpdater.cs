using Christmas.Core.Webhooks;

namespace Christmas.Core.Contacts;

/// <summary>Copies a webhook's data onto the contact: the latest call wins, absent optional fields keep old values.</summary>
public sealed class ContactFieldsUpdater(SegmentRule segmentRule)
{
    public void Apply(Contact contact, WebhookInput input, DateTime now)
    {
        if (input.Text("first_name") is { } firstName) contact.FirstName = firstName;
        if (input.Text("business_name") is { } business) contact.BusinessName = business;
        if (input.HasAssessment)
        {
            // A new assessment replaces the previous one as a whole.
            contact.RecordAssessment(input.Counts["red_systems"], input.Counts["orange_systems"],
                input.Counts["yellow_systems"], input.Counts["green_systems"], segmentRule);
            contact.WeakestSystem1 = input.Text("weakest_system_1");
            contact.WeakestSystem2 = input.Text("weakest_system_2");
            contact.RevenueLeakTotal = input.Amount;
        }
        contact.UpdatedAt = now;
    }
}
