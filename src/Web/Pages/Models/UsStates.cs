namespace Overholt.Web.Pages.Models;

/// <summary>
/// The states the stores list's filter offers: the US states and DC, as stores are addressed. A store with another
/// value in its state is still found by the API's <c>state</c> filter and by the search.
/// </summary>
public static class UsStates
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA",
        "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
    ];
}
