using AutoMapper;
using Overholt.Domain.Products;

namespace Overholt.Application.Products;

public sealed class ProductMappings : Profile
{
    public ProductMappings() =>
        CreateMap<Product, ProductDto>()
            .ForMember(dto => dto.Categories, options => options.MapFrom(product => product.Categories.OrderBy(category => category.Name)));
}
