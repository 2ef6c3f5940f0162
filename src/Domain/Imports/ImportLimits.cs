namespace Overholt.Domain.Imports;

/// <summary>How much one import may hold: enough for a whole catalogue, little enough to check in memory.</summary>
public static class ImportLimits
{
    /// <summary>The largest file, in bytes (50 MB): about 200,000 store rows with long product lists.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The most data rows (the header not counted).</summary>
    public const int MaxRows = 200_000;

    /// <summary>The longest file name kept.</summary>
    public const int FileNameMaxLength = 255;
}
