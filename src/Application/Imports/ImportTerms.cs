using Overholt.Domain.Imports;

namespace Overholt.Application.Imports;

/// <summary>How the API, the pages and the console name an import's kind, options and status.</summary>
public static class ImportTerms
{
    public const string Products = "products";
    public const string Stores = "stores";
    public const string Create = "create";
    public const string Refuse = "refuse";
    public const string AllOrNothing = "all_or_nothing";
    public const string ValidRows = "valid_rows";
    public const string Succeeded = "succeeded";
    public const string RefusedStatus = "refused";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> Kinds = [Products, Stores];
    public static readonly IReadOnlyList<string> UnknownCategoryChoices = [Refuse, Create];
    public static readonly IReadOnlyList<string> Modes = [AllOrNothing, ValidRows];

    public static string Name(ImportKind kind) => kind == ImportKind.Stores ? Stores : Products;

    public static string Name(UnknownCategories choice) => choice == UnknownCategories.Create ? Create : Refuse;

    public static string Name(ImportMode mode) => mode == ImportMode.ValidRows ? ValidRows : AllOrNothing;

    public static string Name(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "queued",
        ImportStatus.Checking => "checking",
        ImportStatus.Writing => "writing",
        ImportStatus.Succeeded => Succeeded,
        ImportStatus.Refused => RefusedStatus,
        _ => Failed,
    };

    public static ImportKind KindNamed(string? name) => Is(name, Stores) ? ImportKind.Stores : ImportKind.Products;

    /// <summary>Refused unless asked to create (the safer default: a typo in a category name does not become a category).</summary>
    public static UnknownCategories UnknownCategoriesNamed(string? name) => Is(name, Create) ? UnknownCategories.Create : UnknownCategories.Refuse;

    public static ImportMode ModeNamed(string? name) => Is(name, ValidRows) ? ImportMode.ValidRows : ImportMode.AllOrNothing;

    public static bool IsOneOf(string? name, IReadOnlyList<string> names) => names.Any(known => Is(name, known));

    private static bool Is(string? name, string known) => string.Equals(name?.Trim(), known, StringComparison.OrdinalIgnoreCase);
}
