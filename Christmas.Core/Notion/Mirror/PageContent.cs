namespace Christmas.Core.Notion.Mirror;

/// <summary>What one of our entities looks like as a Notion page: field values and what identifies its page.</summary>
/// <param name="Values">Our field name to its value (string, number, date, null).</param>
/// <param name="Email">The key every page carries; a sequence's page also matches on kind and start.</param>
public sealed record PageContent(IReadOnlyDictionary<string, object?> Values, string Email, string Title, string? Kind, DateTime? StartedAt)
{
    /// <summary>The person was erased on request: the page is trashed, never written.</summary>
    public bool Erased { get; init; }

    public static PageContent ErasedPerson(string placeholderEmail) => new(new Dictionary<string, object?>(), placeholderEmail, "", null, null) { Erased = true };
}
