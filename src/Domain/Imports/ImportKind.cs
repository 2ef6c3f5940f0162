namespace Overholt.Domain.Imports;

/// <summary>What a CSV import file holds, one record a row.</summary>
public enum ImportKind
{
    Products,
    Stores,
}

/// <summary>What an import does with a category a product row names that does not exist.</summary>
public enum UnknownCategories
{
    /// <summary>The row is refused.</summary>
    Refuse,

    /// <summary>The category is created.</summary>
    Create,
}

/// <summary>What an import writes when some rows are refused.</summary>
public enum ImportMode
{
    /// <summary>Nothing: one refused row leaves the catalogue as it was.</summary>
    AllOrNothing,

    /// <summary>The rows that pass; the refused ones are reported.</summary>
    ValidRows,
}

/// <summary>Where an import is: waiting for a worker, reading the file, checking its rows, writing them, or done one of three ways.</summary>
public enum ImportStatus
{
    Queued,
    Checking,
    Writing,

    /// <summary>Written: every row, or (<see cref="ImportMode.ValidRows"/>) every row that passed.</summary>
    Succeeded,

    /// <summary>Some rows were refused, so nothing was written.</summary>
    Refused,

    /// <summary>The file could not be read as a whole (not CSV, not UTF-8, a bad header, too many rows), or the import was interrupted: nothing was written.</summary>
    Failed,
}
