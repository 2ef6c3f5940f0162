namespace Overholt.Web.Pages.Models;

/// <summary>A sortable column: its label, the sort field it orders by, and the list's order when the query names none.</summary>
public sealed record SortHeader(string Label, string Field, string DefaultSort = "name");
