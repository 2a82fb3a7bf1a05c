namespace Christmas.Core.Campaign.Publishing;

/// <summary>The names DESIGN gives a definition change (<c>POST /api/campaign/draft/impact</c>).</summary>
public static class ChangeKinds
{
    public const string Added = "added";
    public const string Removed = "removed";
    /// <summary>The offset or the testing offset changed.</summary>
    public const string Moved = "moved";
    public const string Template = "template";
    public const string SequenceAdded = "sequence-added";
    public const string SequenceRemoved = "sequence-removed";
    public const string HandlerAdded = "handler-added";
    public const string HandlerRemoved = "handler-removed";
    public const string HandlerChanged = "handler-changed";
}
