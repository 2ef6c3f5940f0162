using System.Net;
using System.Text;
using CsvHelper;

namespace Overholt.FunctionalTests.Exports;

/// <summary>An export as a client gets it: checked as a CSV download, then read back with the CSV library, header first.</summary>
internal static class CsvResponses
{
    public static async Task<IReadOnlyList<string[]>> AssertCsv(this HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"attachment; filename={fileName}", response.Content.Headers.ContentDisposition?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore, "an export is not kept by any cache");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "UTF-8 without a byte order mark");
        return Parse(bytes);
    }

    public static IReadOnlyList<string[]> Parse(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ',', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.Current.ToArray());
        return rows;
    }
}
