using System.Text;

namespace Overholt.Application.Exports;

/// <summary>
/// Several names in one CSV cell (a product's categories, a store's products and managers), as export writes them and
/// import reads them: separated by <c>|</c>; a <c>|</c> inside a name is written <c>\|</c> and a backslash <c>\\</c>.
/// Reading, a backslash before anything else is kept as it is, so a name with a lone backslash typed by hand reads as typed.
/// </summary>
public static class NameList
{
    public const char Separator = '|';
    public const char Escape = '\\';

    public static string Join(IEnumerable<string> names) =>
        string.Join(Separator, names.Select(name => name.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("|", @"\|", StringComparison.Ordinal)));

    /// <summary>The names in <paramref name="cell"/>, each trimmed; empty ones (<c>a||b</c>, a trailing <c>|</c>) are left out.</summary>
    public static IReadOnlyList<string> Split(string? cell)
    {
        var names = new List<string>();
        if (string.IsNullOrEmpty(cell))
            return names;
        var name = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var character = cell[i];
            if (character == Escape && i + 1 < cell.Length && cell[i + 1] is Separator or Escape)
                name.Append(cell[++i]);
            else if (character == Separator)
                Add();
            else
                name.Append(character);
        }

        Add();
        return names;

        void Add()
        {
            var trimmed = name.ToString().Trim();
            if (trimmed.Length > 0)
                names.Add(trimmed);
            name.Clear();
        }
    }
}
