using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using Mediator;
using Overholt.Application.Exports;
using Overholt.Application.Persistence;
using Overholt.Application.Products.Specifications;
using Overholt.Application.Security;
using Overholt.Application.Validation;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Queries.ExportProducts;

/// <summary>Every product <see cref="ListProducts.ListProducts"/> would list with the same search, category and sort, as CSV: <c>id,name,categories</c>.</summary>
[AllowSignedInUsers]
public sealed record ExportProducts(string? Search = null, string? Sort = null, int? InCategoryId = null) : IQuery<CsvExport>, IProductListFilter;

public sealed class ExportProductsHandler(IReadRepository<Product> products) : IQueryHandler<ExportProducts, CsvExport>
{
    public static readonly IReadOnlyList<string> Header = ["id", "name", "categories"];

    public ValueTask<CsvExport> Handle(ExportProducts query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CsvExport("products.csv", Header, Rows(query, cancellationToken)));

    private async IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string>>> Rows(ExportProducts query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = new ProductsInOrderSpec(query.Search, query.Sort, query.InCategoryId);
        var batches = products.ProjectToBatchesAsync<ProductDto>(matches, last => ProductSorting.Fields.After(query.Sort, last), CsvExport.BatchSize, cancellationToken);
        await foreach (var batch in batches)
        {
            yield return batch.Select(product => (IReadOnlyList<string>)
                [product.Id.ToString(CultureInfo.InvariantCulture), product.Name, CsvExport.List(product.Categories.Select(category => category.Name))]).ToList();
        }
    }
}

/// <summary>The list's rules for the same parameters.</summary>
public sealed class ExportProductsValidator : AbstractValidator<ExportProducts>
{
    public ExportProductsValidator()
    {
        RuleFor(query => query.Search).PlainText();
        Include(new ProductListFilterRules());
    }
}
