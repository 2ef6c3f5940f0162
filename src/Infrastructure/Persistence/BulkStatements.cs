using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Plain SQL for writing and reading many rows in few round trips, on both providers: multi-row INSERTs of up to
/// <see cref="RowsPerStatement"/> rows, and lookups by a list of values (one array on PostgreSQL, chunks of as many
/// parameters on SQLite).
/// </summary>
internal static class BulkStatements
{
    /// <summary>Rows per INSERT: few statements, and well under both providers' limits on parameters (SQLite 32,766, PostgreSQL 65,535).</summary>
    public const int RowsPerStatement = 1_000;

    /// <summary>Inserts <paramref name="rows"/>, <see cref="RowsPerStatement"/> a statement; <paramref name="suffix"/> ends each (an <c>ON CONFLICT</c> clause).</summary>
    public static async Task InsertAsync(DbTransaction transaction, string table, string[] columns, IReadOnlyList<object[]> rows, string suffix, CancellationToken cancellationToken, Func<int, Task>? inserted = null)
    {
        var done = 0;
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            var (withIds, rowsWithIds) = await WithBlockIdsAsync(transaction, table, columns, batch, cancellationToken);
            await using var command = InsertCommand(transaction, table, withIds, rowsWithIds, suffix);
            await command.ExecuteNonQueryAsync(cancellationToken);
            done += batch.Length;
            if (inserted is not null)
                await inserted(done);
        }
    }

    /// <summary>Inserts <paramref name="rows"/> and reads back the first two columns of <c>RETURNING</c>: the new ids by name.</summary>
    public static async Task<Dictionary<string, int>> InsertReturningIdsAsync(DbTransaction transaction, string table, string[] columns, IReadOnlyList<object[]> rows, string suffix, CancellationToken cancellationToken, Func<int, Task>? inserted = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            var (withIds, rowsWithIds) = await WithBlockIdsAsync(transaction, table, columns, batch, cancellationToken);
            await using var command = InsertCommand(transaction, table, withIds, rowsWithIds, suffix + " RETURNING id, name");
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    ids[reader.GetString(1)] = reader.GetInt32(0);
            }

            done += batch.Length;
            if (inserted is not null)
                await inserted(done);
        }

        return ids;
    }

    /// <summary>
    /// Runs <paramref name="select"/> (with <c>{0}</c> where the values go, as in <c>WHERE name IN ({0})</c>) for
    /// <paramref name="values"/> (see <see cref="InCommands"/>), handing each row read to <paramref name="read"/>.
    /// </summary>
    public static Task SelectInAsync<T>(DbTransaction transaction, string select, IEnumerable<T> values, Action<DbDataReader> read, CancellationToken cancellationToken)
        where T : notnull =>
        SelectInAsync(transaction.Connection!, transaction, select, values, read, cancellationToken);

    /// <inheritdoc cref="SelectInAsync{T}(DbTransaction, string, IEnumerable{T}, Action{DbDataReader}, CancellationToken)"/>
    public static async Task SelectInAsync<T>(DbConnection connection, DbTransaction? transaction, string select, IEnumerable<T> values, Action<DbDataReader> read, CancellationToken cancellationToken)
        where T : notnull
    {
        foreach (var command in InCommands(connection, transaction, select, values))
        {
            await using (command)
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    read(reader);
            }
        }
    }

    /// <summary>Runs <paramref name="statement"/> (with <c>{0}</c> where the values go) for <paramref name="values"/> (see <see cref="InCommands"/>).</summary>
    public static async Task ExecuteInAsync<T>(DbTransaction transaction, string statement, IEnumerable<T> values, CancellationToken cancellationToken)
        where T : notnull
    {
        foreach (var command in InCommands(transaction.Connection!, transaction, statement, values))
        {
            await using (command)
                await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The commands that run <paramref name="statement"/> for <paramref name="values"/>. On PostgreSQL, one: the values as
    /// one array parameter, <c>IN (SELECT unnest(@values))</c>, which it joins as a set (hashed), so the plan stays good
    /// even when its statistics still describe a table before a bulk insert (a list of a thousand parameters against a
    /// sequential scan is compared value by value, a thousand times a row). Elsewhere, a list of parameters per chunk.
    /// </summary>
    private static IEnumerable<DbCommand> InCommands<T>(DbConnection connection, DbTransaction? transaction, string statement, IEnumerable<T> values)
        where T : notnull
    {
        if (connection is NpgsqlConnection)
        {
            var all = values.ToArray();
            if (all.Length == 0)
                yield break;
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = string.Format(CultureInfo.InvariantCulture, statement, "SELECT unnest(@values)");
            Add(command, "@values", all);
            yield return command;
            yield break;
        }

        foreach (var chunk in values.Chunk(RowsPerStatement))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
                names[i] = Add(command, $"@v{i}", chunk[i]);
            command.CommandText = string.Format(CultureInfo.InvariantCulture, statement, string.Join(", ", names));
            yield return command;
        }
    }

    /// <summary>
    /// Runs one statement per item, <see cref="RowsPerStatement"/> to a command, each with the parameters
    /// <paramref name="parameters"/> gives (named <c>@p0</c>, <c>@p1</c>... in <paramref name="statement"/>); returns the rows they changed in all.
    /// </summary>
    public static async Task<int> ExecuteEachAsync<T>(DbTransaction transaction, string statement, IReadOnlyList<T> items, Func<T, object[]> parameters, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var chunk in items.Chunk(RowsPerStatement))
        {
            await using var command = Command(transaction);
            var sql = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var values = parameters(chunk[i]);
                var text = statement;
                for (var p = values.Length - 1; p >= 0; p--)
                    text = text.Replace($"@p{p}", Add(command, $"@s{i}_{p}", values[p]), StringComparison.Ordinal);
                sql.Append(text).Append(";\n");
            }

            command.CommandText = sql.ToString();
            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// On PostgreSQL, rows of a table whose ids the app takes in blocks (<see cref="PostgresOverholtDbContext.KeyBlockSize"/>)
    /// get theirs the same way: whole blocks from the table's sequence, one round trip for the batch. Left to the
    /// identity default, each row would take a block of its own and leave the rest unused.
    /// </summary>
    private static async Task<(string[] Columns, object[][] Rows)> WithBlockIdsAsync(DbTransaction transaction, string table, string[] columns, object[][] batch, CancellationToken cancellationToken)
    {
        if (transaction is not NpgsqlTransaction || !PostgresOverholtDbContext.TakesIdsInBlocks(table))
            return (columns, batch);
        var blockSize = PostgresOverholtDbContext.KeyBlockSize;
        await using var command = Command(transaction);
        command.CommandText = $"SELECT nextval('{PostgresOverholtDbContext.IdentitySequence(table)}') FROM generate_series(1, {Add(command, "@blocks", (batch.Length + blockSize - 1) / blockSize)})";
        var ids = new List<int>(batch.Length + blockSize);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var start = checked((int)reader.GetInt64(0));
                ids.AddRange(Enumerable.Range(start, blockSize));
            }
        }

        return (["id", .. columns], batch.Select((row, index) => (object[])[ids[index], .. row]).ToArray());
    }

    private static DbCommand InsertCommand(DbTransaction transaction, string table, string[] columns, object[][] batch, string suffix)
    {
        var command = Command(transaction);
        AppendInsert(command, table, columns, batch, "@p", suffix);
        return command;
    }

    /// <summary>
    /// Adds an INSERT of <paramref name="rows"/> (one statement, however many rows) after the statements already in
    /// <paramref name="command"/>, its parameters named <paramref name="prefix"/><c>{row}_{column}</c>.
    /// </summary>
    public static void AppendInsert(DbCommand command, string table, string[] columns, IReadOnlyList<object[]> rows, string prefix, string suffix = "")
    {
        var earlier = command.CommandText.TrimEnd();
        var sql = new StringBuilder(earlier);
        if (earlier.Length > 0)
            sql.Append(earlier.EndsWith(';') ? "\n" : ";\n");
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
        for (var row = 0; row < rows.Count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Length; column++)
                sql.Append(column == 0 ? string.Empty : ", ").Append(Add(command, string.Create(CultureInfo.InvariantCulture, $"{prefix}{row}_{column}"), rows[row][column]));
            sql.Append(')');
        }

        command.CommandText = sql.Append(suffix).ToString();
    }

    private static DbCommand Command(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private static string Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }
}
