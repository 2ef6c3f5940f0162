namespace Overholt.Application.Imports;

/// <summary>
/// An import as its status answer shows it: what it is, where it is, its counts, and its first refused rows (all of them
/// are in the refused rows' CSV).
/// </summary>
public sealed record ImportDto(
    Guid Id,
    string Kind,
    string Status,
    string FileName,
    string UnknownCategories,
    string Mode,
    int Total,
    int Checked,
    int Written,
    int Refused,
    string? Message,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    IReadOnlyList<RefusedRowDto> RefusedRows)
{
    /// <summary>Refused rows the status answer carries; the rest are in the CSV download.</summary>
    public const int RefusedRowsShown = 100;

    public bool IsFinished => Status is ImportTerms.Succeeded or ImportTerms.RefusedStatus or ImportTerms.Failed;
}

/// <summary>A row the import would not write: its line in the file (the header is line 1), the column, and why.</summary>
public sealed record RefusedRowDto(int Line, string Field, string Message);
