using System.Text.Json.Nodes;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;

namespace Christmas.Core.Notion.Mirror;

/// <summary>
/// Brings one Notion page up to date with its entity, never making a second page: a stored page id is
/// updated; without one (first sync, or a create whose answer or commit was lost) the page is looked
/// up by its key first and only created when there is none. A page deleted or trashed in Notion is
/// created anew.
/// </summary>
public sealed class NotionPageWriter(NotionClient client)
{
    private static readonly TimeSpan SameStart = TimeSpan.FromMinutes(1);

    public async Task<NotionPage> WriteAsync(NotionPageLink link, DatabaseMapping mapping, PageContent content, CancellationToken ct)
    {
        var properties = mapping.Build(content.Values);
        if (link.PageId is { } stored)
        {
            if (await TryUpdateAsync(stored, properties, ct) is { } updated) return updated;
            link.ForgetPage();
        }
        if (await FindAsync(mapping, content, ct) is { } existing)
        {
            link.Found(existing.Id, existing.Url);
            return await client.UpdatePageAsync(existing.Id, properties, ct);
        }
        var created = await client.CreatePageAsync(mapping.DataSourceId!, properties, ct);
        link.Found(created.Id, created.Url);
        return created;
    }

    /// <summary>
    /// The person was erased: the page we wrote goes to Notion's trash. Without a stored page id there is
    /// nothing to look it up by (the address is gone), so nothing is done; a page already gone is fine.
    /// </summary>
    public async Task TrashAsync(NotionPageLink link, CancellationToken ct)
    {
        if (link.PageId is not { } pageId) return;
        try
        {
            await client.TrashPageAsync(pageId, ct);
        }
        catch (NotionApiException ex) when (ex.Status is 400 or 404)
        {
            if (!await IsGoneAsync(pageId, ct)) throw;
        }
    }

    /// <returns>Null when the page is gone (deleted, or in the trash).</returns>
    private async Task<NotionPage?> TryUpdateAsync(string pageId, JsonObject properties, CancellationToken ct)
    {
        try
        {
            var page = await client.UpdatePageAsync(pageId, properties.DeepClone().AsObject(), ct);
            return page.InTrash ? null : page;
        }
        catch (NotionApiException ex) when (ex.Status is 400 or 404)
        {
            // A trashed page refuses edits with a validation error; only a look tells that from a bad value.
            if (await IsGoneAsync(pageId, ct)) return null;
            throw;
        }
    }

    private async Task<bool> IsGoneAsync(string pageId, CancellationToken ct)
    {
        try
        {
            return (await client.GetPageAsync(pageId, ct)).InTrash;
        }
        catch (NotionApiException ex) when (ex.IsNotFound)
        {
            return true;
        }
    }

    /// <summary>
    /// The page that already holds this entity: by email for a contact (the oldest of duplicates); for a
    /// sequence by email and type, then the one started at the same time (one email may own several).
    /// </summary>
    private async Task<NotionPage?> FindAsync(DatabaseMapping mapping, PageContent content, CancellationToken ct)
    {
        var filter = mapping.EqualsFilter("Email", content.Email)!;
        if (content.Kind is { } kind && mapping.EqualsFilter("SequenceType", kind) is { } byKind)
            filter = new JsonObject { ["and"] = new JsonArray(filter, byKind) };
        var found = (await client.QueryAsync(mapping.DataSourceId!, filter, null, ct)).Results;
        if (content.Kind is null) return found.FirstOrDefault();
        if (mapping.Mapped("StartedAt") is { } startedAt && content.StartedAt is { } start)
            return found.FirstOrDefault(p => p.Date(startedAt.Property) is { } at && (at.UtcDateTime - start).Duration() < SameStart);
        return found.FirstOrDefault(p => p.TitleText() == content.Title);
    }
}
