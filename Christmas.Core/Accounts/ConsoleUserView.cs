namespace Christmas.Core.Accounts;

public sealed record ConsoleUserView(string Id, string Email, string Role, bool LockedOut, DateTime CreatedAt);
