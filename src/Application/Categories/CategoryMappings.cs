using AutoMapper;
using Overholt.Application.Concurrency;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories;

public sealed class CategoryMappings : Profile
{
    public CategoryMappings()
    {
        CreateMap<Category, CategoryDto>();
        CreateMap<Category, Versioned<CategoryDto>>().ForMember(versioned => versioned.Value, options => options.MapFrom(category => category));
    }
}
