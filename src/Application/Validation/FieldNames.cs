using System.Text.Json;

namespace Overholt.Application.Validation;

/// <summary>Field names as clients see them: snake_case, like the JSON they send.</summary>
public static class FieldNames
{
    public static string ToSnakeCase(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "body" : JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);
}
