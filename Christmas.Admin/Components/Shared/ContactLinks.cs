namespace Christmas.Admin.Components.Shared;

/// <summary>The contact page's address for an email (escaped: emails may hold '+' and other URL characters).</summary>
public static class ContactLinks
{
    public static string For(string email) => "/contacts/" + Uri.EscapeDataString(email);
}
