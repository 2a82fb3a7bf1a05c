using Christmas.Admin.Components.Shared;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Contacts;

/// <summary>
/// The contacts list: every page of the grid is one server query (<see cref="ContactQueries.SearchAsync(ContactFilter, ContactOrder, PageRequest, CancellationToken)"/>),
/// so 100,000 contacts never reach the circuit. <c>?search=</c> pre-fills the search (links from other pages).
/// </summary>
public partial class ContactsPage
{
    [Inject] private ContactQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "search")] public string? InitialSearch { get; set; }

    private MudDataGrid<ContactSummary>? _grid;
    private string? _search;
    private string _segment = "";
    private string _status = "";

    protected override void OnInitialized() => _search = InitialSearch;

    // The selects only offer valid spellings, so parsing cannot fail here; All is the safe fallback all the same.
    private ContactFilter Filter => ContactFilter.TryParse(_search, _segment, _status, out var filter) is null ? filter : ContactFilter.All;

    private string ExportUrl => Filter.ToQueryString() is { Length: > 0 } query ? $"/api/contacts/export.csv?{query}" : "/api/contacts/export.csv";


    private async Task<GridData<ContactSummary>> LoadAsync(GridState<ContactSummary> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var order = sort is null ? ContactOrder.Default : new ContactOrder(SortColumn(sort.SortBy), sort.Descending);
        var page = await Queries.SearchAsync(Filter, order, new PageRequest(state.Page + 1, state.PageSize), ct);
        return new GridData<ContactSummary> { Items = page.Results, TotalItems = page.Total };
    }

    private static ContactSort SortColumn(string column) => column switch
    {
        nameof(ContactSummary.Email) => ContactSort.Email,
        nameof(ContactSummary.FirstName) => ContactSort.Name,
        nameof(ContactSummary.BusinessName) => ContactSort.Business,
        nameof(ContactSummary.Segment) => ContactSort.Segment,
        _ => ContactSort.Updated,
    };

    private Task SearchChangedAsync(string? value) => Refilter(() => _search = value);
    private Task SegmentChangedAsync(string value) => Refilter(() => _segment = value ?? "");
    private Task StatusChangedAsync(string value) => Refilter(() => _status = value ?? "");

    /// <summary>A new filter starts again at the first page (page 3 of the old filter may not exist).</summary>
    private async Task Refilter(Action change)
    {
        change();
        if (_grid is null) return;
        if (_grid.CurrentPage == 0) await _grid.ReloadServerData();
        else _grid.NavigateTo(Page.First);
    }

    private void Open(DataGridRowClickEventArgs<ContactSummary> row) => Navigation.NavigateTo(ContactLinks.For(row.Item.Email));
}
