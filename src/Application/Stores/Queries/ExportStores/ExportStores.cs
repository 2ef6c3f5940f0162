using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using Mediator;
using Overholt.Application.Exports;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores.Specifications;
using Overholt.Application.Users;
using Overholt.Application.Validation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ExportStores;

/// <summary>
/// Every store <see cref="ListStores.ListStores"/> would list with the same search, filters and sort, as CSV:
/// <c>id,name,address,city,state,zip_code,products,managers</c> (product names and manager emails).
/// </summary>
[AllowSignedInUsers]
public sealed record ExportStores(
    string? Search = null, string? Sort = null, string? State = null, string? City = null, int? CarriesProductId = null, int? ManagedByUserId = null)
    : IQuery<CsvExport>, IStoreListFilter;

public sealed class ExportStoresHandler(IReadRepository<Store> stores, IUserDirectory users) : IQueryHandler<ExportStores, CsvExport>
{
    public static readonly IReadOnlyList<string> Header = ["id", "name", "address", "city", "state", "zip_code", "products", "managers"];

    public ValueTask<CsvExport> Handle(ExportStores query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CsvExport("stores.csv", Header, Rows(query, cancellationToken)));

    private async IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string>>> Rows(ExportStores query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = new StoresInOrderSpec(query.Search, query.Sort, query.State, query.City, query.CarriesProductId, query.ManagedByUserId);
        var batches = stores.ProjectToBatchesAsync<StoreDto>(matches, last => StoreSorting.Fields.After(query.Sort, last), CsvExport.BatchSize, cancellationToken);
        await foreach (var batch in batches)
        {
            await users.FillManagerEmailsAsync(batch, cancellationToken);
            yield return batch.Select(store => (IReadOnlyList<string>)
            [
                store.Id.ToString(CultureInfo.InvariantCulture), store.Name, store.Address, store.City, store.State, store.ZipCode,
                CsvExport.List(store.Products.Select(product => product.Name)), CsvExport.List(store.Managers.Select(manager => manager.Email)),
            ]).ToList();
        }
    }
}

/// <summary>The list's rules for the same parameters.</summary>
public sealed class ExportStoresValidator : AbstractValidator<ExportStores>
{
    public ExportStoresValidator()
    {
        RuleFor(query => query.Search).PlainText();
        Include(new StoreListFilterRules());
    }
}
