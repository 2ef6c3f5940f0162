using AutoMapper;
using Overholt.Application.Concurrency;
using Overholt.Domain.Products;

namespace Overholt.Application.Products;

public sealed class ProductMappings : Profile
{
    public ProductMappings()
    {
        CreateMap<Product, ProductDto>()
            .ForMember(dto => dto.Categories, options => options.MapFrom(product => product.Categories.OrderBy(category => category.Name)));
        CreateMap<Product, Versioned<ProductDto>>().ForMember(versioned => versioned.Value, options => options.MapFrom(product => product));
    }
}
