using System.Globalization;
using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Contacts;

/// <summary>
/// Writes the contacts of a filter as CSV, in keyset batches (Id &gt; last id), so an export of
/// 100,000 contacts streams with one batch in memory. Cells that a spreadsheet would run as a
/// formula (= + - @, tab, CR) get a leading apostrophe. Exporting personal data is audited.
/// </summary>
public sealed class ContactCsvExport(IDbContextFactory<CampaignDbContext> contexts, AuditLog audit)
{
    public const int BatchSize = 1000;

    // Escape: "=1+2" is written as "'=1+2" (quoted), which a spreadsheet shows as text instead of running it.
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    private static readonly string[] Header =
    [
        "email", "first_name", "business_name", "segment", "status", "active_sequences", "last_email_at",
        "red_systems", "orange_systems", "yellow_systems", "green_systems", "weakest_system_1", "weakest_system_2",
        "revenue_leak_total", "created_at", "updated_at",
    ];

    /// <returns>How many contacts were written.</returns>
    public async Task<int> WriteAsync(ContactFilter filter, Stream output, string actor, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        await csv.WriteRecordAsync(Header, ct);

        var written = 0;
        long lastId = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var batch = await ContactQueries.Filtered(db, filter).Where(c => c.Id > lastId)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var activity = await ContactQueries.ActivityAsync(db, batch.Select(c => c.Id).ToList(), ct);
            foreach (var contact in batch)
            {
                WriteRow(csv, contact, activity.GetValueOrDefault(contact.Id));
                await csv.EndRecordAsync(ct);
            }
            await csv.FlushAsync(ct);
            written += batch.Count;
            lastId = batch[^1].Id;
        }
        await audit.RecordAsync(actor, "contacts.export", "contacts", $"{written} contacts as CSV ({filter})", ct);
        return written;
    }

    private static void WriteRow(CsvWriter csv, Contact c, (int Active, DateTime? LastEmail) activity)
    {
        csv.WriteField(c.Email);
        csv.WriteField(c.FirstName);
        csv.WriteField(c.BusinessName);
        csv.WriteField(c.Segment?.ToSegmentName());
        csv.WriteField(c.Status.ToApiName());
        csv.WriteField(activity.Active);
        csv.WriteField(Time(activity.LastEmail));
        csv.WriteField(c.RedSystems);
        csv.WriteField(c.OrangeSystems);
        csv.WriteField(c.YellowSystems);
        csv.WriteField(c.GreenSystems);
        csv.WriteField(c.WeakestSystem1);
        csv.WriteField(c.WeakestSystem2);
        csv.WriteField(c.RevenueLeakTotal);
        csv.WriteField(Time(c.CreatedAt));
        csv.WriteField(Time(c.UpdatedAt));
    }

    private static string? Time(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
