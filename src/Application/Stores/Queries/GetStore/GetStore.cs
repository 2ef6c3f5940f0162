using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Stores.Specifications;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.GetStore;

public sealed record GetStore(int StoreId) : IQuery<StoreDto>;

public sealed class GetStoreHandler(IReadRepository<Store> stores, IUserDirectory users) : IQueryHandler<GetStore, StoreDto>
{
    public async ValueTask<StoreDto> Handle(GetStore query, CancellationToken cancellationToken)
    {
        var store = await stores.ProjectToFirstOrDefaultAsync<StoreDto>(new StoreDetailsSpec(query.StoreId), cancellationToken)
            ?? throw new NotFoundException(nameof(Store), query.StoreId);
        await users.FillManagerEmailsAsync([store], cancellationToken);
        return store;
    }
}
