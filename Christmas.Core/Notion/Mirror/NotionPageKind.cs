namespace Christmas.Core.Notion.Mirror;

/// <summary>Which database a mirrored page lives in: a contact's page or a sequence's tracker page.</summary>
public enum NotionPageKind
{
    Contact,
    Sequence,
}
