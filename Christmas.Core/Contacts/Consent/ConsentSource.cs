namespace Christmas.Core.Contacts.Consent;

/// <summary>How we got the address: a website webhook, a CSV import, or an operator's trigger.</summary>
public enum ConsentSource
{
    Webhook,
    Import,
    Manual,
}
