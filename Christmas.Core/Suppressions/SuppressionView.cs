using Christmas.Core.Common;

namespace Christmas.Core.Suppressions;

/// <summary>An entry as the API and the console show it: the reason in lower case, times in UTC.</summary>
public sealed record SuppressionView(string Email, string Reason, string Source, string? Detail, DateTime CreatedAt)
{
    public static SuppressionView From(Suppression s) => new(s.Email, s.Reason.ToApiName(), s.Source, s.Detail, s.CreatedAt);
}
