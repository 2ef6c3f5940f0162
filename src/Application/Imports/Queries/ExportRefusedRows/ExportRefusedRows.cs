using System.Globalization;
using System.Runtime.CompilerServices;
using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Exports;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Imports.Queries.ExportRefusedRows;

/// <summary>Every row an import refused, as CSV: <c>line,field,message</c>, in the file's order.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ExportRefusedRows(Guid Id) : IQuery<CsvExport>;

public sealed class ExportRefusedRowsHandler(IImportStore imports) : IQueryHandler<ExportRefusedRows, CsvExport>
{
    public static readonly IReadOnlyList<string> Header = ["line", "field", "message"];

    public async ValueTask<CsvExport> Handle(ExportRefusedRows query, CancellationToken cancellationToken)
    {
        var import = await imports.GetAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Import", query.Id);
        return new CsvExport($"refused-rows-{Path.GetFileNameWithoutExtension(import.FileName)}.csv", Header, Rows(query.Id, cancellationToken));
    }

    private async IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string>>> Rows(Guid id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var after = 0; ; after += CsvExport.BatchSize)
        {
            var batch = await imports.RefusedRowsAsync(id, after, CsvExport.BatchSize, cancellationToken);
            if (batch.Count > 0)
                yield return batch.Select(row => (IReadOnlyList<string>)[row.Line.ToString(CultureInfo.InvariantCulture), row.Field, row.Message]).ToList();
            if (batch.Count < CsvExport.BatchSize)
                yield break;
        }
    }
}
