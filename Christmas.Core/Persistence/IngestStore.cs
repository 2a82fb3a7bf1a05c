using System.Data.Common;
using System.Globalization;
using Christmas.Core.Changes;
using Christmas.Core.Contacts;
using Christmas.Core.Contacts.Consent;
using Christmas.Core.Executions;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Core.Webhooks;
using Christmas.Core.Persistence.Dialects;

namespace Christmas.Core.Persistence;

/// <summary>
/// The webhook's writes as prepared SQL on the batch's connection. EF Core prepares every statement
/// anew, which held the webhook to ~1,200 calls/s; reusing prepared statements is what lets the
/// group commit pay off. Columns follow the EF model (a test reads every row back through EF).
/// </summary>
public sealed class IngestStore
{
    private const string FindContactSql = """
        SELECT "Id", "FirstName", "BusinessName", "RedSystems", "OrangeSystems", "YellowSystems", "GreenSystems",
            "WeakestSystem1", "WeakestSystem2", "RevenueLeakTotal", "Segment", "Status", "SuppressedAt", "TimeZone", "CreatedAt", "UpdatedAt"
        FROM "Contacts" WHERE "Email" = @email
        """;

    // The minimum gap's input: when the contact's other emails went or will go. Steps by sequence, sequences by contact: both indexed.
    private const string OtherEmailsSql = """
        SELECT COALESCE(st."SentAt", st."SendAt") FROM "Steps" st JOIN "Sequences" q ON q."Id" = st."SequenceId"
        WHERE q."ContactId" = @contactId AND st."Status" IN ('Scheduled', 'Sending', 'Sent', 'Held')
        """;

    // The primary key: one indexed read per call, the only work suppression adds to the batch. An erased
    // person's entry is keyed by the address's hash; an erasure comes first when both are listed.
    private const string FindSuppressionSql = """
        SELECT "Reason", "CreatedAt" FROM "Suppressions" WHERE "Email" IN (@email, @erased)
        ORDER BY CASE WHEN "Email" = @erased THEN 0 ELSE 1 END
        """;

    private const string InsertContactSql = """
        INSERT INTO "Contacts" ("Email", "FirstName", "BusinessName", "RedSystems", "OrangeSystems", "YellowSystems", "GreenSystems",
            "WeakestSystem1", "WeakestSystem2", "RevenueLeakTotal", "Segment", "Status", "SuppressedAt", "TimeZone", "CreatedAt", "UpdatedAt")
        VALUES (@email, @firstName, @businessName, @red, @orange, @yellow, @green, @weakest1, @weakest2, @leak, @segment,
            @status, @suppressedAt, @timeZone, @createdAt, @updatedAt)
        RETURNING "Id"
        """;

    // The same with an id taken ahead (PostgreSQL, whose identity columns are "by default": a given id is kept).
    private const string InsertContactWithIdSql = """
        INSERT INTO "Contacts" ("Id", "Email", "FirstName", "BusinessName", "RedSystems", "OrangeSystems", "YellowSystems", "GreenSystems",
            "WeakestSystem1", "WeakestSystem2", "RevenueLeakTotal", "Segment", "Status", "SuppressedAt", "TimeZone", "CreatedAt", "UpdatedAt")
        VALUES (@id, @email, @firstName, @businessName, @red, @orange, @yellow, @green, @weakest1, @weakest2, @leak, @segment,
            @status, @suppressedAt, @timeZone, @createdAt, @updatedAt)
        """;

    // Every column the engine may change: the rule of what a call changes is CampaignEngine.ApplyCall's, not the SQL's.
    private const string UpdateContactSql = """
        UPDATE "Contacts" SET "FirstName" = @firstName, "BusinessName" = @businessName,
            "RedSystems" = @red, "OrangeSystems" = @orange, "YellowSystems" = @yellow, "GreenSystems" = @green,
            "WeakestSystem1" = @weakest1, "WeakestSystem2" = @weakest2, "RevenueLeakTotal" = @leak, "Segment" = @segment,
            "Status" = @status, "SuppressedAt" = @suppressedAt, "TimeZone" = @timeZone, "UpdatedAt" = @updatedAt
        WHERE "Id" = @id
        """;

    // The per-contact cap's input (Webhooks:MaxActiveSequencesPerContact); sequences by contact are indexed.
    private const string CountActiveSql = """
        SELECT COUNT(*) FROM "Sequences" WHERE "ContactId" = @contactId AND "Kind" = @kind AND "Status" = 'Active' AND "DedupeKey" <> @key
        """;

    private const string FindSequenceSql = """SELECT "Id" FROM "Sequences" WHERE "ContactId" = @contactId AND "DedupeKey" = @key""";
    // The key a skipped sequence held is freed for a new one (CampaignEngine.Replaces); the old row keeps its history.
    private const string RetireSkippedSql = """
        UPDATE "Sequences" SET "DedupeKey" = "DedupeKey" || '#' || "Id"
        WHERE "ContactId" = @contactId AND "DedupeKey" = @key AND "Status" = 'Skipped'
        RETURNING "Id"
        """;

    private const string UpdatePayloadSql = """UPDATE "Sequences" SET "PayloadJson" = @payload WHERE "Id" = @id""";

    // Inserting first makes the common case (a new sequence) one statement; a dedupe hit returns no row.
    private const string InsertSequenceSql = """
        INSERT INTO "Sequences" ("ContactId", "Kind", "Mode", "Status", "DedupeKey", "AnchorAt", "CreatedAt", "EndedAt", "EndedReason", "PayloadJson", "ExecutionId", "Revision")
        VALUES (@contactId, @kind, @mode, @status, @key, @anchor, @createdAt, @endedAt, @endedReason, @payload, @executionId, @revision)
        ON CONFLICT ("ContactId", "DedupeKey") DO NOTHING
        RETURNING "Id"
        """;

    // The same with an id taken ahead: held (a held write returns no rows) for a new contact, else read back
    // (RETURNING: whether the key was free).
    private const string InsertSequenceWithIdSql = """
        INSERT INTO "Sequences" ("Id", "ContactId", "Kind", "Mode", "Status", "DedupeKey", "AnchorAt", "CreatedAt", "EndedAt", "EndedReason", "PayloadJson", "ExecutionId", "Revision")
        VALUES (@id, @contactId, @kind, @mode, @status, @key, @anchor, @createdAt, @endedAt, @endedReason, @payload, @executionId, @revision)
        ON CONFLICT ("ContactId", "DedupeKey") DO NOTHING
        """;

    private const string InsertSequenceWithIdReturningSql = InsertSequenceWithIdSql + "\nRETURNING \"Id\"";

    private const string InsertStepsHead = """
        INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "SendAtReason", "NotBefore", "Status", "SentBy", "SentAt", "ProviderMessageId",
            "Attempts", "LastError", "SendGeneration", "ManualSend", "DispatchedAt", "ClaimedAt", "DeliveryFlags", "Version")
        VALUES
        """;

    private const string InsertExecutionSql = """
        INSERT INTO "Executions" ("Id", "FlowId", "Trigger", "OriginalId", "ReceivedAt", "EndedAt", "DurationMs", "State", "PayloadJson", "ContactEmail", "SequenceId", "Deduplicated", "Logs")
        VALUES (@id, @flowId, @trigger, @originalId, @receivedAt, @endedAt, @durationMs, @state, @payload, @email, @sequenceId, @deduplicated, @logs)
        """;

    // First source wins; a record without wording gives way to a call that carries some (ContactConsent.ShouldBeReplacedBy).
    private const string RecordConsentSql = """
        INSERT INTO "ContactConsents" ("ContactId", "Source", "Handler", "At", "ExecutionId", "File", "Row", "By", "Text", "Ip")
        VALUES (@contactId, @source, @handler, @at, @executionId, NULL, NULL, @by, @text, @ip)
        ON CONFLICT ("ContactId") DO UPDATE SET "Source" = excluded."Source", "Handler" = excluded."Handler", "At" = excluded."At",
            "ExecutionId" = excluded."ExecutionId", "File" = NULL, "Row" = NULL, "By" = excluded."By", "Text" = excluded."Text", "Ip" = excluded."Ip"
        WHERE "ContactConsents"."Text" IS NULL AND excluded."Text" IS NOT NULL
        """;

    // An imported row's record, for the contact the row created (Contacts.Import.CsvChunkWriter).
    private const string InsertImportConsentSql = """
        INSERT INTO "ContactConsents" ("ContactId", "Source", "Handler", "At", "ExecutionId", "File", "Row", "By", "Text", "Ip")
        VALUES (@contactId, @source, NULL, @at, NULL, @file, @row, @by, @text, @ip)
        """;

    private const string InsertChangeSql = """INSERT INTO "Changes" ("Entity", "EntityId", "At") VALUES (@entity, @entityId, @at)""";

    /// <summary>
    /// What the engine needs before it applies a call, read together (one round trip on PostgreSQL):
    /// the address's suppression entry, the contact, and, where inserts take ids given ahead, the next ids.
    /// </summary>
    /// <param name="erasedKey">The address's keyed hash (<see cref="Privacy.ErasedAddresses"/>), the key an erased person is listed under.</param>
    public async Task<CallState> LoadAsync(WriteBatch batch, string email, string erasedKey, CancellationToken ct)
    {
        var findSuppression = batch.Command(FindSuppressionSql);
        findSuppression.Set("@email", email);
        findSuppression.Set("@erased", erasedKey);
        var findContact = batch.Command(FindContactSql);
        findContact.Set("@email", email);
        DbCommand[] queries = batch.NextIdsSql is { } nextIds ? [findSuppression, findContact, batch.Command(nextIds)] : [findSuppression, findContact];
        var state = new CallState();
        await batch.ReadAsync(queries, async (i, r) =>
        {
            if (!await r.ReadAsync(ct)) return;
            switch (i)
            {
                case 0:
                    state.Suppression = (Enum.Parse<SuppressionReason>(r.GetString(0)), DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc));
                    break;
                case 1:
                    state.Contact = Contact.Restore(r.GetInt64(0), email, r.GetString(1), Text(r, 2), Int(r, 3), Int(r, 4), Int(r, 5), Int(r, 6), Text(r, 7), Text(r, 8),
                        r.IsDBNull(9) ? null : r.GetDecimal(9), r.IsDBNull(10) ? null : Enum.Parse<Segment>(r.GetString(10)),
                        Enum.Parse<ContactStatus>(r.GetString(11)), Utc(r, 12), Text(r, 13), Utc(r, 14)!.Value, Utc(r, 15)!.Value);
                    break;
                default:
                    state.NextIds = (r.GetInt64(0), r.GetInt64(1));
                    break;
            }
        }, ct);
        return state;
    }

    /// <summary>What <see cref="LoadAsync"/> read.</summary>
    public sealed class CallState
    {
        /// <summary>The address's suppression entry (reason and since when), or null when it may be mailed.</summary>
        public (SuppressionReason Reason, DateTime Since)? Suppression { get; set; }

        /// <summary>The contact with this address, or null when there is none.</summary>
        public Contact? Contact { get; set; }

        /// <summary>Ids taken for a new contact and a new sequence, where the dialect gives them ahead; else null (the inserts return them).</summary>
        public (long Contact, long Sequence)? NextIds { get; set; }
    }

    /// <summary>Stores the contact as the engine left it: inserted when <paramref name="created"/>, else updated.</summary>
    /// <param name="givenId">An id taken ahead (<see cref="CallState.NextIds"/>): the insert is then held with the unit's other writes.</param>
    /// <returns>The contact's id.</returns>
    public async Task<long> SaveContactAsync(WriteBatch batch, Contact contact, bool created, long? givenId, CancellationToken ct)
    {
        var p = batch.Command(!created ? UpdateContactSql : givenId is null ? InsertContactSql : InsertContactWithIdSql);
        p.Set("@firstName", contact.FirstName);
        p.Set("@businessName", contact.BusinessName);
        p.Set("@red", contact.RedSystems);
        p.Set("@orange", contact.OrangeSystems);
        p.Set("@yellow", contact.YellowSystems);
        p.Set("@green", contact.GreenSystems);
        p.Set("@weakest1", contact.WeakestSystem1);
        p.Set("@weakest2", contact.WeakestSystem2);
        p.Set("@leak", contact.RevenueLeakTotal);
        p.Set("@segment", contact.Segment?.ToString());
        p.Set("@status", contact.Status.ToString());
        p.Set("@suppressedAt", contact.SuppressedAt);
        p.Set("@timeZone", contact.TimeZone);
        p.Set("@updatedAt", contact.UpdatedAt);
        if (!created)
        {
            p.Set("@id", contact.Id);
            await batch.WriteAsync(p, ct);
            return contact.Id;
        }
        p.Set("@email", contact.Email);
        p.Set("@createdAt", contact.CreatedAt);
        if (givenId is not { } id) return (long)(await batch.ScalarAsync(p, ct))!;
        p.Set("@id", id);
        await batch.WriteAsync(p, ct);
        return id;
    }

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static int? Int(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    private static DateTime? Utc(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>When the contact's other emails went (sent) or will go (scheduled, sending).</summary>
    public async Task<List<DateTime>> OtherEmailTimesAsync(WriteBatch batch, long contactId, CancellationToken ct)
    {
        var query = batch.Command(OtherEmailsSql);
        query.Set("@contactId", contactId);
        var times = new List<DateTime>();
        await batch.ReadAsync([query], async (_, reader) =>
        {
            while (await reader.ReadAsync(ct)) times.Add(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
        }, ct);
        return times;
    }

    /// <summary>The contact's active sequences of <paramref name="kind"/> other than the one <paramref name="dedupeKey"/> names.</summary>
    public async Task<long> CountOtherActiveAsync(WriteBatch batch, long contactId, string kind, string dedupeKey, CancellationToken ct)
    {
        var count = batch.Command(CountActiveSql);
        count.Set("@contactId", contactId);
        count.Set("@kind", kind);
        count.Set("@key", dedupeKey);
        return Convert.ToInt64(await batch.ScalarAsync(count, ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts the sequence and its steps, unless one with its dedupe key exists.</summary>
    /// <param name="givenId">An id taken ahead (<see cref="CallState.NextIds"/>), or null.</param>
    /// <param name="newContact">The contact was inserted by this unit, so no sequence of its can hold the key: with
    /// <paramref name="givenId"/>, the inserts are held with the unit's other writes, nothing is read back.</param>
    /// <returns>The new sequence's id, or null when the dedupe key is taken.</returns>
    public async Task<long?> TryInsertSequenceAsync(WriteBatch batch, Sequence sequence, long? givenId, bool newContact, CancellationToken ct)
    {
        var insert = batch.Command(givenId is null ? InsertSequenceSql : newContact ? InsertSequenceWithIdSql : InsertSequenceWithIdReturningSql);
        var p = insert;
        p.Set("@contactId", sequence.ContactId);
        p.Set("@kind", sequence.Kind);
        p.Set("@mode", sequence.Mode.ToString());
        p.Set("@status", sequence.Status.ToString());
        p.Set("@key", sequence.DedupeKey);
        p.Set("@anchor", sequence.AnchorAt);
        p.Set("@createdAt", sequence.CreatedAt);
        p.Set("@endedAt", sequence.EndedAt);
        p.Set("@endedReason", sequence.EndedReason);
        p.Set("@payload", sequence.PayloadJson);
        p.Set("@executionId", sequence.ExecutionId);
        p.Set("@revision", sequence.Revision);
        long id;
        if (givenId is not { } given)
        {
            if (await batch.ScalarAsync(insert, ct) is not long returned) return null;
            id = returned;
        }
        else
        {
            p.Set("@id", given);
            if (newContact) await batch.WriteAsync(insert, ct);
            else if (await batch.ScalarAsync(insert, ct) is null) return null;
            id = given;
        }

        // All steps in one statement: one row of parameters per step.
        var rows = string.Join(",\n", sequence.Steps.Select((_, i) =>
            $"(@sequenceId, @number{i}, @templateKey{i}, @dueAt{i}, @sendAt{i}, @sendAtReason{i}, @notBefore{i}, @status{i}, @sentBy{i}, @sentAt{i}, NULL, 0, @lastError{i}, 0, FALSE, NULL, NULL, 0, 0)"));
        var steps = batch.Command(InsertStepsHead + rows);
        var s = steps;
        s.Set("@sequenceId", id);
        for (var i = 0; i < sequence.Steps.Count; i++)
        {
            var step = sequence.Steps[i];
            s.Set($"@number{i}", step.Number);
            s.Set($"@templateKey{i}", step.TemplateKey);
            s.Set($"@dueAt{i}", step.DueAt);
            s.Set($"@sendAt{i}", step.SendAt);
            s.Set($"@sendAtReason{i}", step.SendAtReason);
            s.Set($"@notBefore{i}", step.NotBefore);
            s.Set($"@status{i}", step.Status.ToString());
            s.Set($"@sentBy{i}", step.SentBy?.ToString());
            s.Set($"@sentAt{i}", step.SentAt);
            s.Set($"@lastError{i}", step.LastError);
        }
        await batch.WriteAsync(steps, ct);
        return id;
    }

    /// <summary>Frees the dedupe key when the sequence holding it is skipped; false when it is any other.</summary>
    public async Task<bool> RetireSkippedAsync(WriteBatch batch, long contactId, string dedupeKey, CancellationToken ct)
    {
        var retire = batch.Command(RetireSkippedSql);
        retire.Set("@contactId", contactId);
        retire.Set("@key", dedupeKey);
        return await batch.ScalarAsync(retire, ct) is not null;
    }

    /// <summary>A repeat call: the existing sequence keeps its steps and takes the latest payload.</summary>
    /// <returns>The existing sequence's id.</returns>
    public async Task<long> UpdatePayloadAsync(WriteBatch batch, long contactId, string dedupeKey, string payloadJson, CancellationToken ct)
    {
        var find = batch.Command(FindSequenceSql);
        find.Set("@contactId", contactId);
        find.Set("@key", dedupeKey);
        var id = (long)(await batch.ScalarAsync(find, ct))!;
        var update = batch.Command(UpdatePayloadSql);
        update.Set("@payload", payloadJson);
        update.Set("@id", id);
        await batch.WriteAsync(update, ct);
        return id;
    }

    public async Task InsertExecutionAsync(WriteBatch batch, Execution execution, CancellationToken ct)
    {
        var insert = batch.Command(InsertExecutionSql);
        var p = insert;
        p.Set("@id", execution.Id);
        p.Set("@flowId", execution.FlowId);
        p.Set("@trigger", execution.Trigger);
        p.Set("@originalId", execution.OriginalId);
        p.Set("@receivedAt", execution.ReceivedAt);
        p.Set("@endedAt", execution.EndedAt);
        p.Set("@durationMs", execution.DurationMs);
        p.Set("@state", execution.State);
        p.Set("@payload", execution.PayloadJson);
        p.Set("@email", execution.ContactEmail);
        p.Set("@sequenceId", execution.SequenceId);
        p.Set("@deduplicated", execution.Deduplicated);
        p.Set("@logs", ExecutionLogJson.Serialize(execution.Logs));
        await batch.WriteAsync(insert, ct);
    }

    /// <summary>
    /// The contact's consent record from this call: inserted for a new contact, or for any call that carries
    /// <c>consent_text</c> (it then completes a record without wording; a recorded wording stays).
    /// </summary>
    public async Task RecordConsentAsync(WriteBatch batch, long contactId, WebhookConsent consent, CancellationToken ct)
    {
        var insert = batch.Command(RecordConsentSql);
        insert.Set("@contactId", contactId);
        insert.Set("@source", consent.Source.ToString());
        insert.Set("@handler", consent.Handler);
        insert.Set("@at", consent.At);
        insert.Set("@executionId", consent.ExecutionId);
        insert.Set("@by", consent.By);
        insert.Set("@text", consent.Text);
        insert.Set("@ip", consent.Ip);
        await batch.WriteAsync(insert, ct);
    }

    /// <summary>The consent record of a contact an import's row created.</summary>
    public async Task InsertImportConsentAsync(WriteBatch batch, long contactId, Contacts.Consent.ContactConsent consent, CancellationToken ct)
    {
        var insert = batch.Command(InsertImportConsentSql);
        insert.Set("@contactId", contactId);
        insert.Set("@source", consent.Source.ToString());
        insert.Set("@at", consent.At);
        insert.Set("@file", consent.File);
        insert.Set("@row", consent.Row);
        insert.Set("@by", consent.By);
        insert.Set("@text", consent.Text);
        insert.Set("@ip", consent.Ip);
        await batch.WriteAsync(insert, ct);
    }

    /// <summary>The change feed's row for a write of this batch (what <see cref="ChangeFeedInterceptor"/> does for EF saves).</summary>
    public async Task AppendChangeAsync(WriteBatch batch, ChangeEntity entity, long id, DateTime now, CancellationToken ct)
    {
        var insert = batch.Command(InsertChangeSql);
        insert.Set("@entity", entity.ToString());
        insert.Set("@entityId", id);
        insert.Set("@at", now);
        await batch.WriteAsync(insert, ct);
    }
}
