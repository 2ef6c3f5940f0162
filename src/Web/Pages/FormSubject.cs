namespace Overholt.Web.Pages;

/// <summary>
/// What a form saves, for the reasons it shows when refused: <paramref name="Name"/> in "this category was changed", and
/// the field that must be unique (a conflict there is shown beside it; a form without one lets a conflict through).
/// </summary>
public sealed record FormSubject(string Name, string? UniqueField = null);
