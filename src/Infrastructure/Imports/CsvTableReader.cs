using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Overholt.Application.Imports;

namespace Overholt.Infrastructure.Imports;

/// <summary>
/// Reads an import file with CsvHelper as RFC 4180 says (comma separated, quoted fields may hold commas, quotes and
/// line breaks), after making sure it is UTF-8 text: a byte order mark is skipped; binary data, UTF-16 and any byte
/// UTF-8 does not allow (Latin-1, Windows-1252) refuse the whole file with a message saying so.
/// </summary>
internal sealed class CsvTableReader : ICsvTableReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly CsvReaderOptions Format = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        PoolStrings = false,
    };

    public CsvTable Read(ReadOnlyMemory<byte> content, int maxRows)
    {
        var text = content.Span.StartsWith(Utf8Bom) ? content[Utf8Bom.Length..] : content;
        EnsureUtf8Text(text.Span);

        using var csv = CsvReader.Create(text, Format);
        IReadOnlyList<string>? header = null;
        var records = new List<CsvRecord>();
        try
        {
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = csv.GetString(i) ?? string.Empty;
                if (header is null)
                {
                    header = cells;
                    continue;
                }

                if (records.Count == maxRows)
                    throw new ImportFileException($"The file has more than {maxRows:N0} rows, the most one import takes. Split it into several files.");
                records.Add(new CsvRecord((int)csv.LineNumber, cells));
            }
        }
        catch (CsvFormatException malformed)
        {
            throw new ImportFileException($"The file is not valid CSV: {(malformed.LineNumber > 0 ? $"the record on line {malformed.LineNumber} " : "a record ")}has a quote out of place (a field with a comma, quote or line break is written in double quotes, a quote in it doubled).");
        }

        return header is null ? throw new ImportFileException("The file is empty: it needs a header row, then a row for each record.") : new CsvTable(header, records);
    }

    /// <summary>
    /// An image, a workbook, an archive or a PDF: by the signature these formats begin with, or, for any other, by the
    /// control characters text does not have in its first bytes (a stray NUL in one name is a refused row, not this).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G'], zip = [(byte)'P', (byte)'K', 3, 4], pdf = "%PDF"u8, gif = "GIF8"u8, jpeg = [0xFF, 0xD8, 0xFF];
        if (text.StartsWith(png) || text.StartsWith(zip) || text.StartsWith(pdf) || text.StartsWith(gif) || text.StartsWith(jpeg))
            return true;
        var start = text[..Math.Min(text.Length, 8192)];
        var control = 0;
        foreach (var b in start)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
                control++;
        }

        return control * 20 > start.Length; // more than 5%
    }

    private static void EnsureUtf8Text(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
            throw new ImportFileException("The file is empty: it needs a header row, then a row for each record.");
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ImportFileException("The file is UTF-16 text; import reads UTF-8. Save it as \"CSV UTF-8\" and upload that.");
        if (LooksBinary(text))
            throw new ImportFileException("The file is not a CSV text file: it holds binary data (an image, a spreadsheet workbook or an archive?). Save it as \"CSV UTF-8\" and upload that.");
        if (Utf8.IsValid(text))
            return;

        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            offset += consumed;
        var line = text[..offset].Count((byte)'\n') + 1;
        throw new ImportFileException(string.Create(
            CultureInfo.InvariantCulture,
            $"The file is not UTF-8 text: line {line} has the byte 0x{text[offset]:X2}, which UTF-8 does not allow there, as Latin-1 (ISO-8859-1) or Windows-1252 text would. Save it as \"CSV UTF-8\" and upload it again."));
    }
}
