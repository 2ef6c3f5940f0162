namespace Overholt.Application.Exports;

/// <summary>
/// A list to be downloaded as a CSV file, in the columns CSV import reads: its file name, its header, and its rows, read
/// from the database a batch at a time as they are enumerated (the host writes and flushes each batch before the next
/// is read), so an export of any length holds one batch in memory.
/// </summary>
public sealed record CsvExport(string FileName, IReadOnlyList<string> Header, IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string>>> Batches)
{
    /// <summary>Rows read and written at a time: few statements per row, and little memory per export.</summary>
    public const int BatchSize = 1000;

    /// <summary>Several names in one cell (a product's categories, a store's managers), as <see cref="NameList"/> writes them.</summary>
    public static string List(IEnumerable<string> values) => NameList.Join(values);
}
