using System.Text.Json;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Templates;

namespace Christmas.Core.Contacts;

/// <summary>
/// The template one contact's steps use (DESIGN.md: steps and <c>upcoming</c> name the variant): a step
/// with a kept message was rendered from the key kept with it; any other goes by
/// <see cref="SegmentVariants.KeyFor"/> for the contact's segment as it is now.
/// </summary>
public sealed record StepTemplates(IReadOnlySet<string> Existing, Segment? Segment)
{
    public static async Task<StepTemplates> ForAsync(CampaignDbContext db, Segment? segment, CancellationToken ct) =>
        new(await TemplateStore.KeysAsync(db, ct), segment);

    public string KeyOf(Step step) => KeptKey(step.MessageJson) ?? SegmentVariants.KeyFor(step.TemplateKey, Segment, Existing);

    private static string? KeptKey(string? messageJson)
    {
        if (messageJson is null) return null;
        using var kept = JsonDocument.Parse(messageJson);
        return kept.RootElement.TryGetProperty(nameof(Delivery.OutgoingEmail.TemplateKey), out var key) ? key.GetString() : null;
    }
}
