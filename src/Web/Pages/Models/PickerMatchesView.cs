namespace Overholt.Web.Pages.Models;

/// <summary>One thing a picker offers: its label, and the form field the add form posts for it.</summary>
public sealed record PickerMatch(string Label, string Action, string Field, string Value);

/// <summary>What the picker partial shows: the matches (with the list's element id), how many there are in all, and what to say when there are none.</summary>
public sealed record PickerMatchesView(string Id, IReadOnlyList<PickerMatch> Matches, int Total, string? Search, string NoneText);
