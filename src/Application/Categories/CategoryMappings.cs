using AutoMapper;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories;

public sealed class CategoryMappings : Profile
{
    public CategoryMappings() => CreateMap<Category, CategoryDto>();
}
