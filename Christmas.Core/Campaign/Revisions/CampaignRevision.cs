namespace Christmas.Core.Campaign.Revisions;

/// <summary>One published definition; never changed once written. The highest <see cref="Revision"/> is the one in force.</summary>
public sealed class CampaignRevision
{
    public int Revision { get; private set; }
    /// <summary>The document as JSON (DefinitionWriter), without its revision number.</summary>
    public string DocumentJson { get; private set; } = "";
    public DateTime PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";
    /// <summary>How in-flight sequences were treated: <see cref="PublishPolicies"/>.</summary>
    public string Policy { get; private set; } = "";
    public string Summary { get; private set; } = "";

    private CampaignRevision() { }

    public CampaignRevision(int revision, string documentJson, DateTime publishedAt, string publishedBy, string policy, string summary)
    {
        Revision = revision;
        DocumentJson = documentJson;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
        Policy = policy;
        Summary = summary;
    }
}
