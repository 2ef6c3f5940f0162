using FluentValidation;
using FluentValidation.Results;
using Overholt.Application.Categories;
using Overholt.Application.Exports;
using Overholt.Application.Products;
using Overholt.Application.Stores;

namespace Overholt.Application.Imports;

/// <summary>
/// Checks an import file's rows with the rules the API applies to the same fields (the same validators), then what
/// only a whole file shows: a name given twice, names of things that do not exist. Every refused row is kept, with
/// its line and the column at fault.
/// </summary>
public sealed class ImportRowChecks(ICatalogueNames names)
{
    private static readonly ProductRowValidator ProductRules = new();
    private static readonly StoreRowValidator StoreRules = new();

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        [nameof(StoreRow.Name)] = ImportColumns.Name,
        [nameof(ProductRow.Categories)] = ImportColumns.Categories,
        [nameof(StoreRow.Address)] = ImportColumns.Address,
        [nameof(StoreRow.City)] = ImportColumns.City,
        [nameof(StoreRow.State)] = ImportColumns.State,
        [nameof(StoreRow.ZipCode)] = ImportColumns.ZipCode,
        [nameof(StoreRow.Products)] = ImportColumns.Products,
        [nameof(StoreRow.Managers)] = ImportColumns.Managers,
    };

    public async Task<IReadOnlyList<ProductRow>> CheckProductsAsync(
        CsvTable table, ImportColumns columns, bool createCategories, List<RefusedRowDto> refused, Func<int, Task> checkedRows, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(table, columns, refused, checkedRows, record =>
            new ProductRow(record.Line, Trimmed(columns.Cell(record, ImportColumns.Name)), NameList.Split(columns.Cell(record, ImportColumns.Categories))), ProductRules, row => row.Line, row => row.Name);

        var existing = await names.ExistingCategoriesAsync(Distinct(rows.SelectMany(row => row.Categories)), cancellationToken);
        return createCategories ? rows : Keep(rows, refused, row => row.Line, row => row.Categories.Where(name => !existing.Contains(name))
            .Select(name => (ImportColumns.Categories, $"No category is named '{name}'; importing with unknown categories created (unknown_categories=create in the API) would create it")));
    }

    public async Task<IReadOnlyList<StoreRow>> CheckStoresAsync(
        CsvTable table, ImportColumns columns, List<RefusedRowDto> refused, Func<int, Task> checkedRows, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(table, columns, refused, checkedRows, record => new StoreRow(
            record.Line,
            Trimmed(columns.Cell(record, ImportColumns.Name)),
            Trimmed(columns.Cell(record, ImportColumns.Address)),
            Trimmed(columns.Cell(record, ImportColumns.City)),
            Trimmed(columns.Cell(record, ImportColumns.State)),
            Trimmed(columns.Cell(record, ImportColumns.ZipCode)),
            NameList.Split(columns.Cell(record, ImportColumns.Products)),
            NameList.Split(columns.Cell(record, ImportColumns.Managers))), StoreRules, row => row.Line, row => row.Name);

        var products = await names.ExistingProductsAsync(Distinct(rows.SelectMany(row => row.Products)), cancellationToken);
        var users = await names.ExistingUserEmailsAsync(Distinct(rows.SelectMany(row => row.Managers)), cancellationToken);
        return Keep(rows, refused, row => row.Line, row =>
            row.Products.Where(name => !products.Contains(name)).Select(name => (ImportColumns.Products, $"No product is named '{name}'"))
                .Concat(row.Managers.Where(email => !users.Contains(email)).Select(email => (ImportColumns.Managers, $"No user has the email '{email}'"))));
    }

    /// <summary>Reads and checks each record by the rules, refusing a record of the wrong width or with a name an earlier row has.</summary>
    private static async Task<List<TRow>> ReadAsync<TRow>(
        CsvTable table, ImportColumns columns, List<RefusedRowDto> refused, Func<int, Task> checkedRows, Func<CsvRecord, TRow> read,
        IValidator<TRow> rules, Func<TRow, int> line, Func<TRow, string?> name)
    {
        const int ProgressEvery = 5_000;
        var rows = new List<TRow>(table.Records.Count);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Records.Count; i++)
        {
            var record = table.Records[i];
            if (record.Cells.Count != columns.Count)
            {
                refused.Add(new RefusedRowDto(record.Line, "row", $"The row has {record.Cells.Count} field{(record.Cells.Count == 1 ? string.Empty : "s")}; the header has {columns.Count}"));
            }
            else
            {
                var row = read(record);
                var result = rules.Validate(row);
                if (!result.IsValid)
                    refused.AddRange(result.Errors.Select(error => Refusal(line(row), error)));
                else if (!firstLineOf.TryAdd(name(row)!, line(row)))
                    refused.Add(new RefusedRowDto(line(row), ImportColumns.Name, $"Line {firstLineOf[name(row)!]} has the same name: a file names each record once"));
                else
                    rows.Add(row);
            }

            if ((i + 1) % ProgressEvery == 0)
                await checkedRows(i + 1); // which also stops the check when the import is cancelled
        }

        return rows;
    }

    /// <summary>The rows without a problem <paramref name="problems"/> finds; each problem is a refusal.</summary>
    private static List<TRow> Keep<TRow>(IEnumerable<TRow> rows, List<RefusedRowDto> refused, Func<TRow, int> line, Func<TRow, IEnumerable<(string Field, string Message)>> problems)
    {
        var kept = new List<TRow>();
        foreach (var row in rows)
        {
            var found = problems(row).Select(problem => new RefusedRowDto(line(row), problem.Field, problem.Message)).ToList();
            if (found.Count == 0)
                kept.Add(row);
            refused.AddRange(found);
        }

        return kept;
    }

    private static RefusedRowDto Refusal(int line, ValidationFailure error)
    {
        var property = error.PropertyName.Split('[')[0];
        var column = Columns.GetValueOrDefault(property, property);
        return new RefusedRowDto(line, column, error.ErrorMessage.Replace($"'{property}'", $"'{column}'", StringComparison.Ordinal));
    }

    private static string? Trimmed(string? cell) => cell?.Trim();

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A product row by the rules of a product's name and of the names of the categories it is in.</summary>
    private sealed class ProductRowValidator : AbstractValidator<ProductRow>
    {
        public ProductRowValidator()
        {
            RuleFor(row => row.Name).ProductName();
            RuleFor(row => row.Categories).NotEmpty().WithMessage("A product needs at least one category");
            RuleForEach(row => row.Categories).CategoryName();
        }
    }

    /// <summary>A store row by the rules of a store's details, and of the names of the products it carries.</summary>
    private sealed class StoreRowValidator : StoreDetailsValidator<StoreRow>
    {
        public StoreRowValidator()
            : base(everyDetailRequired: true)
        {
            RuleForEach(row => row.Products).ProductName();
        }
    }
}
