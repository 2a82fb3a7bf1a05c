using System.Globalization;
using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Contacts.Import;

/// <summary>
/// Imports contacts (or suppression entries) from a CSV stream, for the API and the console alike. Rows are read
/// as they come and written in chunks of <see cref="ChunkSize"/>, each one unit of the group-commit writer, so
/// webhooks keep being answered between chunks. A bad row is skipped and named; the others go in.
/// </summary>
public sealed class CsvContactImporter(
    IDbContextFactory<CampaignDbContext> contexts, GroupCommitWriter writer, CsvChunkWriter chunks, SegmentRule segments,
    Privacy.ErasedAddresses erased, AuditLog audit, Persistence.Dialects.SqlDialect dialect, ILogger<CsvContactImporter> logger)
{
    // A chunk of 250 new addresses may meet several calls in a row while the site is busy.
    private const int Attempts = 5;

    public const int ChunkSize = 250;
    /// <summary>The answer lists this many errors at most (the counts still count every row).</summary>
    public const int MaxErrors = 1000;
    public const string Action = "contacts.import";

    /// <param name="map">The caller's overrides of the detected columns (header → field).</param>
    /// <returns>The counts, or Invalid ("file: ..." or "map: ...") when the file cannot be read at all or has no email column.</returns>
    public async Task<Outcome<CsvImportResult>> ImportAsync(Stream csv, CsvImportContext context, IReadOnlyDictionary<string, string>? map,
        IProgress<CsvImportProgress>? progress, CancellationToken ct)
    {
        var length = csv.CanSeek ? csv.Length : (long?)null;
        await using var parser = CsvReader.Create(csv, Options, leaveOpen: true);
        if (await ReadHeaderAsync(parser, ct) is not { } headers) return Outcome<CsvImportResult>.Invalid("file: The file is empty or not CSV: no header row.");
        if (CsvColumnMap.Build(headers, map, out var columns) is { } mapError)
            return Outcome<CsvImportResult>.Invalid((map?.Count > 0 && !mapError.StartsWith("No column", StringComparison.Ordinal) ? "map: " : "file: ") + mapError);

        var reader = new CsvRowReader(columns, segments, context.Mode == CsvImportMode.Suppress);
        var emailHeader = headers[columns.IndexOf(CsvField.Email)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<CsvImportError>();
        var (rows, created, updated, skipped, suppressed, errorCount) = (0, 0, 0, 0, 0, 0);
        var chunk = new List<CsvImportRow>(ChunkSize);

        async Task FlushAsync()
        {
            if (chunk.Count == 0) return;
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var email in chunk.Select(r => r.Contact.Email)) keys[email] = await erased.KeyAsync(email, ct);
            var done = await WriteAsync(chunk, keys, context, seen, emailHeader, ct);
            (created, updated, skipped, suppressed) = (created + done.Created, updated + done.Updated, skipped + done.Skipped, suppressed + done.Suppressed);
            errorCount += done.Errors.Count;
            errors.AddRange(done.Errors.Take(MaxErrors - errors.Count));
            chunk.Clear();
            progress?.Report(new CsvImportProgress(rows, length is > 0 ? Math.Min(1, (double)parser.ByteOffset / length.Value) : null));
        }

        while (await ReadAsync(parser, ct) is { } record)
        {
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            rows++;
            if (reader.Read((int)parser.LineNumber, record, out var error) is { } row) chunk.Add(row);
            else
            {
                skipped++;
                errorCount++;
                if (errors.Count < MaxErrors) errors.Add(error!);
            }
            if (chunk.Count == ChunkSize) await FlushAsync();
        }
        await FlushAsync();
        progress?.Report(new CsvImportProgress(rows, 1));

        var result = new CsvImportResult(rows, created, updated, skipped, suppressed, errors.OrderBy(e => e.Row).ToList()) { DryRun = context.DryRun };
        await audit.RecordAsync(context.Actor, context.DryRun ? Action + ".dry-run" : Action, context.File,
            $"mode {context.Mode.ToApiName()}: {rows} row(s), {created} created, {updated} updated, {skipped} skipped, {suppressed} suppressed, {errorCount} error(s)", ct);
        return Outcome<CsvImportResult>.Ok(result);
    }

    /// <summary>A dry run reads on its own context and saves nothing; an import writes each chunk as one unit of the group-commit writer.</summary>
    private async Task<CsvChunkCounts> WriteAsync(List<CsvImportRow> chunk, Dictionary<string, string> keys, CsvImportContext context,
        HashSet<string> seen, string emailHeader, CancellationToken ct)
    {
        if (context.DryRun)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await chunks.ApplyAsync(db, null, chunk, keys, context, seen, emailHeader, ct);
        }
        // A webhook may store one of the chunk's new addresses first (on another of PostgreSQL's writer lanes, or
        // another instance): the chunk is rolled back and written again, and then updates that contact. The
        // addresses it had added to seen are taken out first; any other failure ends the import.
        for (var attempt = 1; ; attempt++)
        {
            var fresh = chunk.Select(r => r.Contact.Email).Where(e => !seen.Contains(e)).ToList();
            try
            {
                return await writer.RunAsync((batch, token) => chunks.ApplyAsync(batch.Db, batch, chunk, keys, context, seen, emailHeader, token), ct);
            }
            catch (Exception ex) when (attempt < Attempts && dialect.LostARace(ex))
            {
                logger.LogInformation("An import chunk of {Rows} rows met a webhook for one of its addresses in the database ({Cause}); writing it again (attempt {Attempt})",
                    chunk.Count, StorageFault.Describe(ex), attempt + 1);
                seen.ExceptWith(fresh);
            }
        }
    }

    /// <summary>
    /// The header is read as a record, so a header-less or binary file is answered with what it lacks. Line numbers
    /// are the file's (header = 1, blank lines counted), as an editor shows them. A stray quote is kept as text and the
    /// row checked like any other; a line break always ends a row, so one bad quote cannot swallow the rest of the file.
    /// </summary>
    public static readonly CsvReaderOptions Options = new()
    {
        HasHeader = false,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        DetectSeparatorHint = true,
        AllowLineBreaksInQuotes = false,
    };

    /// <returns>The header's names, or null when the file has none.</returns>
    public static async Task<string[]?> ReadHeaderAsync(CsvReader reader, CancellationToken ct)
    {
        while (await ReadAsync(reader, ct) is { } record)
            if (!record.All(string.IsNullOrWhiteSpace)) return record.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        return null;
    }

    /// <returns>The next record's values, or null at the end (or when the input is not text at all).</returns>
    public static async Task<string[]?> ReadAsync(CsvReader reader, CancellationToken ct)
    {
        try
        {
            if (!await reader.ReadAsync(ct)) return null;
        }
        catch (CsvFormatException)
        {
            return null;
        }
        var values = new string[reader.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = reader.GetString(i) ?? "";
        return values;
    }
}
