using Christmas.Core.Common;

namespace Christmas.Admin.Endpoints;

/// <summary>A page of a list API: <c>{"results", "total", "page", "size"}</c>.</summary>
public sealed record PagedView<T>(IReadOnlyList<T> Results, int Total, int Page, int Size)
{
    public static PagedView<T> From(Page<T> page) => new(page.Results, page.Total, page.PageNumber, page.Size);
}
