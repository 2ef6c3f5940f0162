using Overholt.Domain.Imports;

namespace Overholt.Application.Imports;

/// <summary>Where imports, their files and their refused rows are kept.</summary>
public interface IImportStore
{
    /// <summary>Adds a new import and its file to the unit of work.</summary>
    Task AddAsync(Import import, byte[] content, CancellationToken cancellationToken);

    Task<ImportDto?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> refused rows after the first <paramref name="after"/>, in the file's order (kept numbered, so this is a keyset read).</summary>
    Task<IReadOnlyList<RefusedRowDto>> RefusedRowsAsync(Guid id, int after, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the import for this worker: one that is queued, or running with a heartbeat older than
    /// <paramref name="staleAfter"/> (its worker died). Null when it is finished or another worker is on it.
    /// </summary>
    Task<ClaimedImport?> ClaimAsync(Guid id, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Whether progress can be recorded while the import's write transaction is open: not where the database has a
    /// single writer (SQLite), which the import then holds; there the written count moves when it commits.
    /// </summary>
    bool RecordsProgressWhileWriting { get; }

    /// <summary>Records progress and the heartbeat, committed at once whatever else the worker has open.</summary>
    Task ReportAsync(Guid id, ImportStatus status, int total, int checkedRows, int written, CancellationToken cancellationToken);

    /// <summary>
    /// Puts an import this worker was running back in the queue, for the next worker to start again (its writes rolled
    /// back). Called while the host stops, so it uses only what the running import already holds.
    /// </summary>
    Task HandBackAsync(Guid id);

    /// <summary>Records the outcome and every refused row.</summary>
    Task FinishAsync(Guid id, ImportStatus status, int total, int checkedRows, int written, string message, IReadOnlyList<RefusedRowDto> refused, CancellationToken cancellationToken);
}

/// <summary>An import a worker has taken, with what it needs to run it.</summary>
public sealed record ClaimedImport(Guid Id, ImportKind Kind, UnknownCategories UnknownCategories, ImportMode Mode, int? RequestedBy, byte[] Content);

/// <summary>Reads an import file into its header and records.</summary>
public interface ICsvTableReader
{
    /// <summary>
    /// The file's header and records, with the line each starts on. Throws <see cref="ImportFileException"/> for a file
    /// that cannot be taken as a whole: not text, not UTF-8, broken quoting, more than <paramref name="maxRows"/> rows
    /// (found without reading further).
    /// </summary>
    CsvTable Read(ReadOnlyMemory<byte> content, int maxRows);
}

public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records);

public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>The file as a whole cannot be imported; the message says why, for the person who sent it.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>Which of the names an import's rows refer to exist, looked up in bulk before the rows are checked.</summary>
public interface ICatalogueNames
{
    Task<IReadOnlySet<string>> ExistingCategoriesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> ExistingProductsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>The emails (as given) that belong to an account, matched ignoring case.</summary>
    Task<IReadOnlySet<string>> ExistingUserEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);
}

/// <summary>
/// Writes checked import rows in one transaction, in bulk: a crash leaves nothing written; rows are matched by name
/// (the first record with it, by id), so writing the same rows again changes nothing.
/// </summary>
public interface ICatalogueImportWriter
{
    /// <summary>Writes the products (<paramref name="requestedBy"/>: who started the import, whom its history names; null from the console).</summary>
    Task<ImportWriteResult> WriteProductsAsync(IReadOnlyList<ProductRow> rows, bool createCategories, int? requestedBy, Func<int, Task> written, CancellationToken cancellationToken);

    /// <summary>Writes the stores (<paramref name="requestedBy"/>: who started the import, whom its history names; null from the console).</summary>
    Task<ImportWriteResult> WriteStoresAsync(IReadOnlyList<StoreRow> rows, int? requestedBy, Func<int, Task> written, CancellationToken cancellationToken);
}
