using Christmas.Core.Common;

namespace Christmas.Core.Contacts;

/// <summary>A sort column and direction; spelled "email" or "-updated" (minus: descending) in the API.</summary>
public sealed record ContactOrder(ContactSort By, bool Descending)
{
    /// <summary>Recently changed contacts first: the console's and the API's default.</summary>
    public static ContactOrder Default { get; } = new(ContactSort.Updated, Descending: true);

    /// <returns>An error message, or null with a valid order (the default when <paramref name="text"/> is empty).</returns>
    public static string? TryParse(string? text, out ContactOrder order)
    {
        order = Default;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        var name = Enum.GetNames<ContactSort>().FirstOrDefault(n => n.Equals(trimmed.TrimStart('-', '+'), StringComparison.OrdinalIgnoreCase));
        if (name is null) return "sort must be updated, email, name, business or segment, with a leading '-' for descending.";
        order = new ContactOrder(Enum.Parse<ContactSort>(name), descending);
        return null;
    }

    public override string ToString() => (Descending ? "-" : "") + By.ToApiName();
}
