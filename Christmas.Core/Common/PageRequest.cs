namespace Christmas.Core.Common;

/// <summary>A 1-based page and its size, already checked (1..<see cref="MaxSize"/>).</summary>
public sealed record PageRequest(int Page, int Size)
{
    public const int MaxSize = 500;
    public int Skip => (Page - 1) * Size;

    /// <returns>An error message, or null with a valid request.</returns>
    public static string? TryCreate(int? page, int? size, int defaultSize, out PageRequest request)
    {
        request = new PageRequest(page ?? 1, size ?? defaultSize);
        if (request.Page < 1) return "page must be 1 or more.";
        if (request.Size is < 1 or > MaxSize) return $"size must be from 1 to {MaxSize}.";
        return null;
    }
}
