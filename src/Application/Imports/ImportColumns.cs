using Overholt.Domain.Imports;

namespace Overholt.Application.Imports;

/// <summary>
/// The columns each kind of import file has, found by name in its header (any order, any case): the required ones must
/// each be there once; <c>id</c>, which an export writes, is ignored (rows are matched by name); any other is refused,
/// so a misspelt column is not silently skipped.
/// </summary>
public sealed class ImportColumns
{
    public const string Name = "name";
    public const string Categories = "categories";
    public const string Address = "address";
    public const string City = "city";
    public const string State = "state";
    public const string ZipCode = "zip_code";
    public const string Products = "products";
    public const string Managers = "managers";
    private const string Id = "id";

    private readonly Dictionary<string, int> _indexes;

    private ImportColumns(Dictionary<string, int> indexes, int count)
    {
        _indexes = indexes;
        Count = count;
    }

    /// <summary>How many fields the header has: every row must have as many.</summary>
    public int Count { get; }

    public static IReadOnlyList<string> Required(ImportKind kind) =>
        kind == ImportKind.Stores ? [Name, Address, City, State, ZipCode] : [Name, Categories];

    public static IReadOnlyList<string> Optional(ImportKind kind) => kind == ImportKind.Stores ? [Products, Managers] : [];

    /// <summary>The header's columns, or <see cref="ImportFileException"/> naming what is missing, repeated or unknown.</summary>
    public static ImportColumns Resolve(ImportKind kind, IReadOnlyList<string> header)
    {
        var required = Required(kind);
        var known = required.Concat(Optional(kind)).Append(Id).ToHashSet(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var column = header[i].Trim().ToLowerInvariant();
            if (!known.Contains(column))
                throw new ImportFileException($"The header has a column this import does not read: '{Shorten(header[i])}'. A {ImportTerms.Name(kind)} file has the columns {Describe(kind)}.");
            if (!indexes.TryAdd(column, i))
                throw new ImportFileException($"The header names the column '{column}' twice.");
        }

        var missing = required.Where(column => !indexes.ContainsKey(column)).ToList();
        if (missing.Count > 0)
            throw new ImportFileException($"The header lacks the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(column => $"'{column}'"))}. A {ImportTerms.Name(kind)} file has the columns {Describe(kind)}.");
        return new ImportColumns(indexes, header.Count);
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="record"/>, its formula escape undone; null when the file has no such column.</summary>
    public string? Cell(CsvRecord record, string column) =>
        _indexes.TryGetValue(column, out var index) && index < record.Cells.Count ? ImportCells.Read(record.Cells[index]) : null;

    private static string Describe(ImportKind kind) =>
        string.Join(", ", Required(kind).Select(column => $"'{column}'")) + (Optional(kind).Count > 0 ? $" (and optionally {string.Join(", ", Optional(kind).Select(column => $"'{column}'"))})" : string.Empty);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>What import does to a cell before anything else.</summary>
public static class ImportCells
{
    /// <summary>
    /// Undoes export's defence against formulas: a cell that begins with <c>'</c> followed by <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, tab or carriage return loses the <c>'</c>, so an exported file imports back as it was. Any
    /// other cell, one beginning with <c>=</c> included, is kept as text: a name is never evaluated here, and export
    /// neutralises it again.
    /// </summary>
    public static string Read(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
