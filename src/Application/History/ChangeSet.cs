using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Overholt.Application.History;

/// <summary>
/// The fields one change touched, each with its value before and after, written as <c>{"field": [before, after]}</c>.
/// A field whose value ends where it began is no change and is left out; the password never has a value
/// (<see cref="HistoryActions.PasswordField"/>) and always stays.
/// </summary>
public sealed class ChangeSet
{
    private readonly Dictionary<string, (JsonNode? Before, JsonNode? After)> _fields = new(StringComparer.Ordinal);

    public int Count => _fields.Count;

    public IEnumerable<string> Fields => _fields.Keys;

    /// <summary>Records a field's values, unless they are equal.</summary>
    public ChangeSet Set(string field, object? before, object? after)
    {
        var (from, to) = (ToNode(before), ToNode(after));
        if (field == HistoryActions.PasswordField || !JsonNode.DeepEquals(from, to))
            _fields[field] = (from, to);
        else
            _fields.Remove(field);
        return this;
    }

    /// <summary>A password change: recorded as a change with no value either side worth keeping.</summary>
    public ChangeSet PasswordChanged() => Set(HistoryActions.PasswordField, null, HistoryActions.PasswordChangedMark);

    /// <summary>
    /// This set followed by <paramref name="later"/>, a later change to the same resource in the same transaction: each
    /// field goes from its first value to its last, and a field back where it began is dropped.
    /// </summary>
    public ChangeSet Then(ChangeSet later)
    {
        foreach (var (field, (_, after)) in later._fields)
        {
            var before = _fields.TryGetValue(field, out var earlier) ? earlier.Before : later._fields[field].Before;
            Set(field, before?.DeepClone(), after?.DeepClone());
        }

        return this;
    }

    /// <summary>Written straight from the values (what <c>JsonObject.ToJsonString</c> writes, without copying each value into a new tree).</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (field, (before, after)) in _fields)
            {
                writer.WriteStartArray(field);
                WriteValue(writer, before);
                WriteValue(writer, after);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            value.WriteTo(writer);
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static ChangeSet Parse(string json)
    {
        var set = new ChangeSet();
        if (JsonNode.Parse(json) is JsonObject fields)
        {
            foreach (var (field, values) in fields)
            {
                if (values is JsonArray { Count: 2 } pair)
                    set._fields[field] = (pair[0]?.DeepClone(), pair[1]?.DeepClone());
            }
        }

        return set;
    }

    /// <summary>Each field's <c>[before, after]</c>, as the API shows them.</summary>
    public static IReadOnlyDictionary<string, JsonElement> ReadFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(field => field.Name, field => field.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>();
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        IEnumerable<int> ids => new JsonArray([.. ids.Order().Select(id => (JsonNode?)JsonValue.Create(id))]),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        _ => JsonValue.Create(value.ToString()),
    };
}
