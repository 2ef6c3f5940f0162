using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Imports.Queries.GetImport;

/// <summary>An import's status, counts and first refused rows.</summary>
[RequiresRole(Roles.Admin)]
public sealed record GetImport(Guid Id) : IQuery<ImportDto>;

public sealed class GetImportHandler(IImportStore imports) : IQueryHandler<GetImport, ImportDto>
{
    public async ValueTask<ImportDto> Handle(GetImport query, CancellationToken cancellationToken) =>
        await imports.GetAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Import", query.Id);
}
