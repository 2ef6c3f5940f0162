using Overholt.Domain.Primitives;

namespace Overholt.Domain.Imports;

/// <summary>
/// One upload of a CSV file into the catalogue, and how far it got: its rows counted, checked and written, and the
/// outcome. Its id is made here, not by the database, so the event that sends it to a worker can name it.
/// </summary>
public sealed class Import : IRaisesEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    private Import()
    {
        FileName = string.Empty;
    }

    /// <summary>A new import, queued; <paramref name="inBackground"/> sends it to a worker once saved (the console runs its own).</summary>
    public Import(ImportKind kind, string? fileName, UnknownCategories unknownCategories, ImportMode mode, int? requestedBy, DateTime now, bool inBackground)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        var name = Path.GetFileName((fileName ?? string.Empty).Trim());
        FileName = name.Length == 0 ? "upload.csv" : name[..Math.Min(name.Length, ImportLimits.FileNameMaxLength)];
        UnknownCategories = unknownCategories;
        Mode = mode;
        RequestedBy = requestedBy;
        CreatedAt = now;
        Status = ImportStatus.Queued;
        if (inBackground)
            _domainEvents.Add(new ImportRequested(Id));
    }

    public Guid Id { get; private set; }

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; }

    public UnknownCategories UnknownCategories { get; private set; }

    public ImportMode Mode { get; private set; }

    /// <summary>The admin who uploaded it; null for the operator's console.</summary>
    public int? RequestedBy { get; private set; }

    public ImportStatus Status { get; private set; }

    /// <summary>Data rows in the file (known once it is read).</summary>
    public int Total { get; private set; }

    public int Checked { get; private set; }

    public int Written { get; private set; }

    public int Refused { get; private set; }

    /// <summary>Why the file as a whole failed, or what the import did, in a sentence.</summary>
    public string? Message { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>When the worker running it last said it was alive: a running import whose heartbeat is old lost its worker.</summary>
    public DateTime? HeartbeatAt { get; private set; }

    /// <summary>How many times a worker started it.</summary>
    public int Attempts { get; private set; }

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Refused or ImportStatus.Failed;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();
}
