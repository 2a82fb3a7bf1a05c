using Christmas.Core.Campaign.Revisions;

namespace Christmas.Tests.Core.Campaign;

/// <summary>The side-by-side comparison of two definitions' YAML, line by line.</summary>
public sealed class RevisionDiffTests
{
    private const string Before = """
        sequences:
          - name: noshow
            steps:
              - {number: 1, template: noshow-1, offset: 5m}
              - {number: 2, template: noshow-2, offset: 24h}
        """;

    [Fact]
    public void TheSameText_HasNoDifferences()
    {
        var diff = RevisionDiff.Of("Revision 1", Before, "Draft", Before);
        Assert.Equal(0, diff.ChangedLines);
        Assert.All(diff.Rows, r => Assert.Equal((DiffLineKind.Unchanged, DiffLineKind.Unchanged), (r.Old.Kind, r.New.Kind)));
    }

    [Fact]
    public void AMovedOffset_IsChangedOnBothSides_AndAnAddedStep_IsAddedOppositeAFiller()
    {
        var after = Before.Replace("offset: 24h", "offset: 12h") + "\n      - {number: 3, template: noshow-3, offset: 48h}";

        var diff = RevisionDiff.Of("Revision 1", Before, "Revision 2", after);

        var moved = Assert.Single(diff.Rows, r => r.New.Text.Contains("offset: 12h"));
        Assert.Equal((DiffLineKind.Changed, DiffLineKind.Changed), (moved.Old.Kind, moved.New.Kind));
        Assert.Contains("offset: 24h", moved.Old.Text);
        var added = Assert.Single(diff.Rows, r => r.New.Text.Contains("noshow-3"));
        Assert.Equal((DiffLineKind.Filler, DiffLineKind.Added, (int?)null, (int?)6), (added.Old.Kind, added.New.Kind, added.Old.Number, added.New.Number));
        Assert.Equal(2, diff.ChangedLines);
    }
}
