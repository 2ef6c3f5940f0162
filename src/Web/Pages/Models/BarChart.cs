using System.Globalization;

namespace Overholt.Web.Pages.Models;

/// <summary>
/// A bar chart drawn on the server as SVG (no script, nothing for the CSP to allow), with its numbers as a table for
/// whoever cannot see it. Vertical bars for a series along an axis (states, days), horizontal for ranked names.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BarChartBar> Bars, bool Horizontal = false, string ValueHeading = "Count")
{
    public const int Width = 640;

    public int Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(bar => bar.Value));

    /// <summary>What the chart says in a sentence: its title, then the largest bars.</summary>
    public string Summary => Bars.Count == 0 || Bars.All(bar => bar.Value == 0)
        ? $"{Title}: nothing yet."
        : $"{Title}. Highest: " + string.Join(", ", Bars.OrderByDescending(bar => bar.Value).Take(3).Select(bar => string.Create(CultureInfo.InvariantCulture, $"{bar.Label} ({bar.Value:N0})"))) + ".";

    /// <summary>A round step for the value axis: about four gridlines whatever the largest bar.</summary>
    public int Step
    {
        get
        {
            var rough = Max / 4.0;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(rough, 1))));
            var step = new[] { 1, 2, 5, 10 }.Select(factor => factor * magnitude).First(candidate => candidate >= rough);
            return (int)Math.Max(1, step);
        }
    }
}

/// <summary>One bar: its label, its value, where its row in the table leads (optional), and its label under the axis (optional).</summary>
public sealed record BarChartBar(string Label, int Value, string? Href = null, string? AxisLabel = null);
