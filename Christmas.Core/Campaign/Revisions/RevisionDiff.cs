using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Christmas.Core.Campaign.Revisions;

/// <summary>How one line of a side-by-side comparison changed.</summary>
public enum DiffLineKind
{
    Unchanged,
    Removed,
    Added,
    Changed,
    /// <summary>A blank placeholder opposite a line the other side added or removed, so both columns stay aligned.</summary>
    Filler,
}

/// <summary>One line of one side: its number in that text (null for a filler), its text and how it changed.</summary>
public sealed record DiffLine(int? Number, string Text, DiffLineKind Kind);

/// <summary>One row of the comparison: the old side's line next to the new side's.</summary>
public sealed record DiffRow(DiffLine Old, DiffLine New);

/// <summary>Two definitions' YAML compared side by side, with DiffPlex (line by line).</summary>
public sealed record RevisionDiff(string OldTitle, string NewTitle, IReadOnlyList<DiffRow> Rows)
{
    public int ChangedLines => Rows.Count(r => r.Old.Kind != DiffLineKind.Unchanged || r.New.Kind != DiffLineKind.Unchanged);

    public static RevisionDiff Of(string oldTitle, string oldText, string newTitle, string newText)
    {
        var model = new SideBySideDiffBuilder(new Differ()).BuildDiffModel(oldText, newText, ignoreWhitespace: false);
        var rows = model.OldText.Lines.Zip(model.NewText.Lines, (o, n) => new DiffRow(Line(o), Line(n))).ToList();
        return new RevisionDiff(oldTitle, newTitle, rows);
    }

    private static DiffLine Line(DiffPiece piece) => new(piece.Position, piece.Text ?? "", piece.Type switch
    {
        ChangeType.Deleted => DiffLineKind.Removed,
        ChangeType.Inserted => DiffLineKind.Added,
        ChangeType.Modified => DiffLineKind.Changed,
        ChangeType.Imaginary => DiffLineKind.Filler,
        _ => DiffLineKind.Unchanged,
    });
}
