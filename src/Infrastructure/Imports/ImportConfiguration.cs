using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Imports;

namespace Overholt.Infrastructure.Imports;

/// <summary>An import's uploaded file, kept in the database beside it so any worker (after any restart) can run it.</summary>
internal sealed class ImportFile(Guid importId, byte[] content)
{
    public Guid ImportId { get; private set; } = importId;

    public byte[] Content { get; private set; } = content;
}

/// <summary>A refused row of an import, numbered in the file's order.</summary>
internal sealed class ImportRefusal(Guid importId, int number, int line, string field, string message)
{
    public const int FieldMaxLength = 50;
    public const int MessageMaxLength = 1000;

    public Guid ImportId { get; private set; } = importId;

    public int Number { get; private set; } = number;

    public int Line { get; private set; } = line;

    public string Field { get; private set; } = field;

    public string Message { get; private set; } = message;
}

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public const int MessageMaxLength = 1000;

    public void Configure(EntityTypeBuilder<Import> import)
    {
        import.ToTable("imports");
        import.Property(i => i.Id).ValueGeneratedNever();
        import.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        import.Property(i => i.UnknownCategories).HasConversion<string>().HasMaxLength(20);
        import.Property(i => i.Mode).HasConversion<string>().HasMaxLength(20);
        import.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        import.Property(i => i.FileName).HasMaxLength(ImportLimits.FileNameMaxLength);
        import.Property(i => i.Message).HasMaxLength(MessageMaxLength);
        import.HasIndex(i => i.Status); // the sweep for imports whose worker stopped
        import.Ignore(i => i.DomainEvents);
        import.Ignore(i => i.IsFinished);
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> file)
    {
        file.ToTable("import_files");
        file.HasKey(f => f.ImportId);
        file.HasOne<Import>().WithOne().HasForeignKey<ImportFile>(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRefusalConfiguration : IEntityTypeConfiguration<ImportRefusal>
{
    public void Configure(EntityTypeBuilder<ImportRefusal> refusal)
    {
        refusal.ToTable("import_refusals");
        refusal.HasKey(r => new { r.ImportId, r.Number });
        refusal.Property(r => r.Field).HasMaxLength(ImportRefusal.FieldMaxLength);
        refusal.Property(r => r.Message).HasMaxLength(ImportRefusal.MessageMaxLength);
        refusal.HasOne<Import>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
