using AutoMapper;
using Overholt.Application.Concurrency;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores;

public sealed class StoreMappings : Profile
{
    public StoreMappings()
    {
        CreateMap<Store, StoreDto>()
            .ForMember(dto => dto.Products, options => options.MapFrom(store => store.Products.OrderBy(product => product.ProductId)))
            .ForMember(dto => dto.Managers, options => options.MapFrom(store => store.Managers.OrderBy(manager => manager.UserId)));
        CreateMap<Store, Versioned<StoreDto>>().ForMember(versioned => versioned.Value, options => options.MapFrom(store => store));
        CreateMap<StoreProduct, StoreProductDto>()
            .ForMember(dto => dto.Id, options => options.MapFrom(carried => carried.ProductId))
            .ForMember(dto => dto.Name, options => options.MapFrom(carried => carried.Product!.Name));

        // Users live in the identity store: the email is filled in by StoreManagerEmails after projection.
        CreateMap<StoreManager, UserSummaryDto>()
            .ForMember(dto => dto.Id, options => options.MapFrom(manager => manager.UserId))
            .ForMember(dto => dto.Email, options => options.Ignore());
    }
}
