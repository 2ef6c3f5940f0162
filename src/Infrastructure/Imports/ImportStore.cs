using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Imports;
using Overholt.Domain.Imports;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Imports;

internal sealed class ImportStore(OverholtDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : IImportStore
{
    public async Task AddAsync(Import import, byte[] content, CancellationToken cancellationToken)
    {
        await db.Set<Import>().AddAsync(import, cancellationToken);
        await db.Set<ImportFile>().AddAsync(new ImportFile(import.Id, content), cancellationToken);
    }

    public async Task<ImportDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var import = await db.Set<Import>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
            return null;
        var refused = await RefusedRowsAsync(id, 0, ImportDto.RefusedRowsShown, cancellationToken);
        return new ImportDto(
            import.Id, ImportTerms.Name(import.Kind), ImportTerms.Name(import.Status), import.FileName, ImportTerms.Name(import.UnknownCategories), ImportTerms.Name(import.Mode),
            import.Total, import.Checked, import.Written, import.Refused, import.Message, import.CreatedAt, import.FinishedAt, refused);
    }

    public async Task<IReadOnlyList<RefusedRowDto>> RefusedRowsAsync(Guid id, int after, int count, CancellationToken cancellationToken) =>
        await db.Set<ImportRefusal>().AsNoTracking()
            .Where(refusal => refusal.ImportId == id && refusal.Number > after)
            .OrderBy(refusal => refusal.Number).Take(count)
            .Select(refusal => new RefusedRowDto(refusal.Line, refusal.Field, refusal.Message))
            .ToListAsync(cancellationToken);

    public bool RecordsProgressWhileWriting => db is PostgresOverholtDbContext;

    public async Task<ClaimedImport?> ClaimAsync(Guid id, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = Now();
        var claimed = await db.Set<Import>()
            .Where(import => import.Id == id && import.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(
                set => set.SetProperty(import => import.Status, ImportStatus.Checking)
                    .SetProperty(import => import.StartedAt, now)
                    .SetProperty(import => import.HeartbeatAt, now)
                    .SetProperty(import => import.Attempts, import => import.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
            return null;
        var import = await db.Set<Import>().AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken);
        var content = await db.Set<ImportFile>().AsNoTracking().Where(file => file.ImportId == id).Select(file => file.Content).FirstAsync(cancellationToken);
        return new ClaimedImport(import.Id, import.Kind, import.UnknownCategories, import.Mode, import.RequestedBy, content);
    }

    public async Task ReportAsync(Guid id, ImportStatus status, int total, int checkedRows, int written, CancellationToken cancellationToken)
    {
        // Its own connection, so the progress is seen at once, whatever transaction the import has open.
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        DateTime? heartbeat = Now();
        await own.Set<Import>()
            .Where(import => import.Id == id && (import.Status == ImportStatus.Checking || import.Status == ImportStatus.Writing))
            .ExecuteUpdateAsync(
                set => set.SetProperty(import => import.Status, status)
                    .SetProperty(import => import.Total, total)
                    .SetProperty(import => import.Checked, checkedRows)
                    .SetProperty(import => import.Written, written)
                    .SetProperty(import => import.HeartbeatAt, heartbeat),
                cancellationToken);
    }

    public async Task HandBackAsync(Guid id)
    {
        var now = Now();
        db.ChangeTracker.Clear();
        await db.Set<Import>()
            .Where(import => import.Id == id && (import.Status == ImportStatus.Checking || import.Status == ImportStatus.Writing))
            .ExecuteUpdateAsync(
                set => set.SetProperty(import => import.Status, ImportStatus.Queued)
                    .SetProperty(import => import.Checked, 0)
                    .SetProperty(import => import.Written, 0)
                    .SetProperty(import => import.HeartbeatAt, now),
                CancellationToken.None);
    }

    public async Task FinishAsync(Guid id, ImportStatus status, int total, int checkedRows, int written, string message, IReadOnlyList<RefusedRowDto> refused, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var now = Now();
        var refusedRows = refused.Select(row => row.Line).Distinct().Count();
        var strategy = own.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await own.Database.BeginTransactionAsync(token);
            await own.Set<ImportRefusal>().Where(refusal => refusal.ImportId == id).ExecuteDeleteAsync(token);
            // Finished, the file is not needed again (up to 50 MB each): the import keeps its counts and refused rows.
            await own.Set<ImportFile>().Where(file => file.ImportId == id).ExecuteDeleteAsync(token);
            await BulkStatements.InsertAsync(
                transaction.GetDbTransaction(), "import_refusals", ["import_id", "number", "line", "field", "message"],
                refused.Select((row, i) => new object[] { KeyOf(id), i + 1, row.Line, Cut(row.Field, ImportRefusal.FieldMaxLength), Cut(row.Message, ImportRefusal.MessageMaxLength) }).ToList(),
                string.Empty, token);
            await own.Set<Import>().Where(import => import.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(import => import.Status, status)
                    .SetProperty(import => import.Total, total)
                    .SetProperty(import => import.Checked, checkedRows)
                    .SetProperty(import => import.Written, written)
                    .SetProperty(import => import.Refused, refusedRows)
                    .SetProperty(import => import.Message, Cut(message, ImportConfiguration.MessageMaxLength))
                    .SetProperty(import => import.FinishedAt, now)
                    .SetProperty(import => import.HeartbeatAt, now),
                token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    /// <summary>The import's id as a statement of our own passes it: EF keeps a Guid on SQLite as upper-case text.</summary>
    private object KeyOf(Guid id) => db is PostgresOverholtDbContext ? id : id.ToString().ToUpperInvariant();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
