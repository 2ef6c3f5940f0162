using System.Globalization;
using Microsoft.Extensions.Logging;
using Overholt.Domain.Imports;

namespace Overholt.Application.Imports;

/// <summary>
/// Runs an import, wherever it is started (the worker's job, the console): reads the whole file, checks every row,
/// then writes, all or nothing (or the valid rows when asked), recording its progress as it goes. A file that cannot
/// be read, and a fault while writing, fail the import with nothing written.
/// </summary>
public sealed partial class CatalogueImport(
    IImportStore imports, ICsvTableReader reader, ImportRowChecks checks, ICatalogueImportWriter writer, ILogger<CatalogueImport> logger)
{
    /// <summary>A running import whose worker has not reported for this long is taken to have stopped with its worker.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>Runs import <paramref name="id"/> if it is queued; returns false when it is finished or another worker has it.</summary>
    public async Task<bool> RunAsync(Guid id, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var import = await imports.ClaimAsync(id, StaleAfter, cancellationToken);
        if (import is null)
            return false;

        var refused = new List<RefusedRowDto>();
        var (total, checkedRows) = (0, 0);
        try
        {
            progress?.Report("Reading the file…");
            var table = reader.Read(import.Content, ImportLimits.MaxRows);
            var columns = ImportColumns.Resolve(import.Kind, table.Header);
            total = table.Records.Count;
            await imports.ReportAsync(id, ImportStatus.Checking, total, 0, 0, cancellationToken);
            progress?.Report($"Checking {Count(total, "row")}…");

            async Task Checked(int count)
            {
                checkedRows = count;
                await imports.ReportAsync(id, ImportStatus.Checking, total, count, 0, cancellationToken);
                progress?.Report($"Checked {count:N0} of {total:N0} rows");
            }

            IReadOnlyList<ProductRow> products = [];
            IReadOnlyList<StoreRow> stores = [];
            if (import.Kind == ImportKind.Products)
                products = await checks.CheckProductsAsync(table, columns, import.UnknownCategories == UnknownCategories.Create, refused, Checked, cancellationToken);
            else
                stores = await checks.CheckStoresAsync(table, columns, refused, Checked, cancellationToken);
            checkedRows = total;
            refused.Sort((a, b) => a.Line.CompareTo(b.Line));
            var refusedRows = refused.Select(row => row.Line).Distinct().Count();
            if (refusedRows > 0 && import.Mode == ImportMode.AllOrNothing)
            {
                await FinishAsync(id, ImportStatus.Refused, total, total, 0, $"{Count(refusedRows, "row")} of {total:N0} refused, so nothing was written.", refused);
                return true;
            }

            var valid = products.Count + stores.Count;
            await imports.ReportAsync(id, ImportStatus.Writing, total, total, 0, cancellationToken);
            progress?.Report($"Writing {Count(valid, "row")}…");
            async Task Written(int count)
            {
                if (imports.RecordsProgressWhileWriting)
                    await imports.ReportAsync(id, ImportStatus.Writing, total, total, count, cancellationToken);
                progress?.Report($"Wrote {count:N0} of {valid:N0} rows");
            }

            var result = import.Kind == ImportKind.Products
                ? await writer.WriteProductsAsync(products, import.UnknownCategories == UnknownCategories.Create, import.RequestedBy, Written, cancellationToken)
                : await writer.WriteStoresAsync(stores, import.RequestedBy, Written, cancellationToken);
            var message = $"{Count(valid, "row")} written: {result.Created:N0} created, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged"
                + (result.CategoriesCreated > 0 ? $", {Count(result.CategoriesCreated, "category", "categories")} created" : string.Empty)
                + (refusedRows > 0 ? $"; {Count(refusedRows, "row")} refused." : ".");
            await FinishAsync(id, ImportStatus.Succeeded, total, total, valid, message, refused);
            return true;
        }
        catch (ImportFileException unreadable)
        {
            await FinishAsync(id, ImportStatus.Failed, total, 0, 0, unreadable.Message, []);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the write rolled back, so the import goes back to the queue for the next worker.
            await imports.HandBackAsync(id);
            throw;
        }
        catch (ObjectDisposedException)
        {
            // The host stopped under the import without cancelling it first: the same, as far as it still can.
            await imports.HandBackAsync(id);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(exception, id);
            await FinishAsync(id, ImportStatus.Failed, total, checkedRows, 0, "The import stopped on an unexpected error, so nothing was written. Try again; if it fails again, tell the operator.", refused);
            return true;
        }
    }

    // Recorded whatever happens to the caller's token: an import must not stay "running" because its request went away.
    private Task FinishAsync(Guid id, ImportStatus status, int total, int checkedRows, int written, string message, IReadOnlyList<RefusedRowDto> refused) =>
        imports.FinishAsync(id, status, total, checkedRows, written, message, refused, CancellationToken.None);

    private static string Count(int count, string noun, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : plural ?? noun + "s")}");

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private partial void LogFailed(Exception exception, Guid importId);
}
