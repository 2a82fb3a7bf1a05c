using Microsoft.AspNetCore.Identity;

namespace Christmas.Core.Accounts;

/// <summary>A person who signs in to the console (ASP.NET Core Identity, stored in the app's database).</summary>
public sealed class ConsoleUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
}
