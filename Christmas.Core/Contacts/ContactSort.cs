namespace Christmas.Core.Contacts;

/// <summary>
/// The columns the contacts list can be sorted on. Updated, email and segment walk an index;
/// name and business take SQLite's top-N sorter over the filtered rows (no full sort is kept).
/// </summary>
public enum ContactSort
{
    Updated,
    Email,
    Name,
    Business,
    Segment,
}
