using Overholt.Application.Exports;
using Overholt.Application.Imports;
using Overholt.Domain.Imports;

namespace Overholt.UnitTests.Application.Imports;

/// <summary>How import reads a cell, a list of names and a header, and that export writes what import reads back.</summary>
public sealed class ImportFormatTests
{
    [Theory]
    [InlineData("Fruit|Green", new[] { "Fruit", "Green" })]
    [InlineData(@"Red\|Green|Blue", new[] { "Red|Green", "Blue" })]
    [InlineData(@"Back\\slash|C:\temp", new[] { @"Back\slash", @"C:\temp" })]
    [InlineData(" Fruit || Green |", new[] { "Fruit", "Green" })]
    [InlineData("", new string[0])]
    public void A_list_cell_splits_on_unescaped_pipes_trimming_and_leaving_out_empty_names(string cell, string[] names) =>
        Assert.Equal(names, NameList.Split(cell));

    [Theory]
    [InlineData("Fruit")]
    [InlineData("Red|Green")]
    [InlineData(@"Back\slash")]
    [InlineData(@"ends with \")]
    [InlineData(@"\|")]
    public void Every_name_export_joins_is_read_back_as_it_was(string name) =>
        Assert.Equal([name, "Other"], NameList.Split(NameList.Join([name, "Other"])));

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'+1", "+1")]
    [InlineData("'-2", "-2")]
    [InlineData("'@SUM(1)", "@SUM(1)")]
    [InlineData("=1+1", "=1+1")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("'", "'")]
    public void A_cell_loses_only_the_quote_export_puts_before_a_formula(string cell, string read) =>
        Assert.Equal(read, ImportCells.Read(cell));

    [Fact]
    public void A_header_is_matched_by_name_in_any_order_and_case_and_an_exports_id_column_is_ignored()
    {
        var columns = ImportColumns.Resolve(ImportKind.Products, [" Categories", "ID", "NAME "]);
        var record = new CsvRecord(2, ["Fruit", "17", "Apple"]);

        Assert.Equal("Apple", columns.Cell(record, ImportColumns.Name));
        Assert.Equal("Fruit", columns.Cell(record, ImportColumns.Categories));
        Assert.Equal(3, columns.Count);
    }

    [Theory]
    [InlineData(new[] { "name" }, "The header lacks the column 'categories'.")]
    [InlineData(new[] { "name", "categories", "name" }, "The header names the column 'name' twice.")]
    [InlineData(new[] { "name", "categories", "price" }, "The header has a column this import does not read: 'price'.")]
    public void A_header_missing_repeating_or_adding_a_column_refuses_the_file(string[] header, string message) =>
        Assert.StartsWith(message, Assert.Throws<ImportFileException>(() => ImportColumns.Resolve(ImportKind.Products, header)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_stores_file_needs_the_address_columns_and_may_leave_out_products_and_managers()
    {
        var columns = ImportColumns.Resolve(ImportKind.Stores, ["name", "address", "city", "state", "zip_code"]);

        Assert.Null(columns.Cell(new CsvRecord(2, ["a", "b", "c", "d", "e"]), ImportColumns.Products));
        Assert.Throws<ImportFileException>(() => ImportColumns.Resolve(ImportKind.Stores, ["name", "city", "state", "zip_code"]));
    }
}
