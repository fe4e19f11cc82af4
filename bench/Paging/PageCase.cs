namespace Spin.Bench.Paging;

/// <summary>One comparison: a request for the first page and the same request for the last page (none for a reference
/// row, which times a single page).</summary>
public sealed record PageCase(string Request, string FirstLabel, string FirstUrl, string? LastLabel, string? LastUrl);
