namespace Christmas.Core.Common;

/// <summary>One page of results with the total count (Kestra's paged shape: results + total).</summary>
public sealed record Page<T>(IReadOnlyList<T> Results, int Total, int PageNumber, int Size);
