using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Overholt.Infrastructure.History;

/// <summary>
/// <c>change_history</c> as plain SQL writes it (<see cref="Persistence.BulkStatements"/>): its name and columns as the
/// model maps them, quoted as the provider quotes, and an entry as the row of values in that order. Used where entries
/// are written without EF tracking them: at the end of a save's own command, and by an import.
/// </summary>
internal sealed class HistoryTable
{
    private HistoryTable(string name, string[] columns) => (Name, Columns) = (name, columns);

    public string Name { get; }

    public string[] Columns { get; }

    public static HistoryTable For(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(HistoryEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return new HistoryTable(sql.DelimitIdentifier(table.Name, table.Schema),
        [
            Column(nameof(HistoryEntry.At)), Column(nameof(HistoryEntry.ActorId)), Column(nameof(HistoryEntry.Actor)),
            Column(nameof(HistoryEntry.Action)), Column(nameof(HistoryEntry.ResourceType)), Column(nameof(HistoryEntry.ResourceId)),
            Column(nameof(HistoryEntry.Changes)), Column(nameof(HistoryEntry.TraceId)),
        ]);
    }

    /// <summary>The entry's values in the order of <see cref="Columns"/>.</summary>
    public static object[] Row(HistoryEntry entry) =>
    [
        entry.At, entry.ActorId is { } actorId ? actorId : DBNull.Value, entry.Actor, entry.Action, entry.ResourceType,
        entry.ResourceId, entry.Changes, entry.TraceId is { } traceId ? traceId : DBNull.Value,
    ];
}
