using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Overholt.Infrastructure.History;

/// <summary>
/// The INSERT of a save's history entries as one statement of PostgreSQL's, added at the end of the command EF sends for
/// the save (<see cref="HistoryInterceptor"/>): the entries go in the same round trip and the same transaction as the
/// change, without EF tracking them. EF reads its own statements' results by position, so a statement after them is
/// never read, and an error it raises still fails the whole command.
/// </summary>
internal sealed class AppendedHistoryStatement
{
    private const int Columns = 8;

    /// <summary>The statement's text for a number of entries (most saves write one), with its parameters' names.</summary>
    private readonly ConcurrentDictionary<int, (string Sql, string[] Names)> _texts = [];

    private readonly string _insert;

    private AppendedHistoryStatement(string insert) => _insert = insert;

    /// <summary>The statement for the model's history table: names as the model maps them, quoted as the provider quotes.</summary>
    public static AppendedHistoryStatement For(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(HistoryEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        string[] columns =
        [
            Column(nameof(HistoryEntry.At)), Column(nameof(HistoryEntry.ActorId)), Column(nameof(HistoryEntry.Actor)),
            Column(nameof(HistoryEntry.Action)), Column(nameof(HistoryEntry.ResourceType)), Column(nameof(HistoryEntry.ResourceId)),
            Column(nameof(HistoryEntry.Changes)), Column(nameof(HistoryEntry.TraceId)),
        ];
        return new AppendedHistoryStatement($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ");
    }

    /// <summary>Adds the entries' INSERT, and its parameters, after the statements already in the command.</summary>
    public void AppendTo(DbCommand command, IReadOnlyList<HistoryEntry> entries)
    {
        var (sql, names) = _texts.GetOrAdd(entries.Count, Text, _insert);
        var text = command.CommandText.TrimEnd();
        command.CommandText = string.Concat(text, text.EndsWith(';') ? "\n" : ";\n", sql);
        var parameters = command.Parameters;
        for (var row = 0; row < entries.Count; row++)
        {
            var entry = entries[row];
            var name = row * Columns;
            parameters.Add(new NpgsqlParameter<DateTime>(names[name], NpgsqlDbType.TimestampTz) { TypedValue = entry.At });
            parameters.Add(new NpgsqlParameter(names[name + 1], NpgsqlDbType.Integer) { Value = (object?)entry.ActorId ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter<string>(names[name + 2], NpgsqlDbType.Varchar) { TypedValue = entry.Actor });
            parameters.Add(new NpgsqlParameter<string>(names[name + 3], NpgsqlDbType.Varchar) { TypedValue = entry.Action });
            parameters.Add(new NpgsqlParameter<string>(names[name + 4], NpgsqlDbType.Varchar) { TypedValue = entry.ResourceType });
            parameters.Add(new NpgsqlParameter<int>(names[name + 5], NpgsqlDbType.Integer) { TypedValue = entry.ResourceId });
            parameters.Add(new NpgsqlParameter<string>(names[name + 6], NpgsqlDbType.Text) { TypedValue = entry.Changes });
            parameters.Add(new NpgsqlParameter(names[name + 7], NpgsqlDbType.Varchar) { Value = (object?)entry.TraceId ?? DBNull.Value });
        }
    }

    /// <summary>
    /// <c>INSERT ... VALUES (@history_0_0, ...), (@history_1_0, ...);</c>: names of the app's own, apart from EF's
    /// <c>@p0</c>, <c>@p1</c>, ....
    /// </summary>
    private static (string Sql, string[] Names) Text(int rows, string insert)
    {
        var names = new string[rows * Columns];
        var sql = new StringBuilder(insert);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < Columns; column++)
            {
                var name = names[(row * Columns) + column] = $"history_{row}_{column}";
                sql.Append(column == 0 ? "@" : ", @").Append(name);
            }

            sql.Append(')');
        }

        return (sql.Append(';').ToString(), names);
    }
}
