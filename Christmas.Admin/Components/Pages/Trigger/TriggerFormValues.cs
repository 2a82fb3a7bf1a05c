using System.Globalization;
using Christmas.Core.Contacts;
using Christmas.Core.Webhooks;

namespace Christmas.Admin.Components.Pages.Trigger;

/// <summary>
/// The trigger form's text values, one per field of the chosen handler (the catalog's data, never a
/// hand-written form per handler). Switching handler keeps the values the fields share (email, names).
/// </summary>
public sealed class TriggerFormValues
{
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public string? this[string field]
    {
        get => Values.GetValueOrDefault(field);
        set => Values[field] = value;
    }

    /// <summary>Fills the handler's fields the form has no value for: the expected value ("sent", "paid") and "now" for anchors.</summary>
    public void ApplyDefaults(HandlerDefinition handler, DateTimeOffset now)
    {
        foreach (var field in handler.Fields.Where(f => string.IsNullOrWhiteSpace(this[f.Name])))
        {
            this[field.Name] = field.Kind == FieldKind.Anchor
                ? now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : field.Expected;
        }
    }

    /// <summary>Prefills from the contact the console already knows (the contact page links here with its email).</summary>
    public void ApplyContact(ContactDetails contact)
    {
        this["email"] = contact.Email;
        this["first_name"] = contact.FirstName;
        if (contact.BusinessName is { } business) this["business_name"] = business;
    }
}
