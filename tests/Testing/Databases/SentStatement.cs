namespace Overholt.Testing.Databases;

/// <summary>One statement as the app sent it: its SQL and its parameters' names and values.</summary>
public sealed record SentStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
