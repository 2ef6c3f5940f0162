using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Security;
using Overholt.Application.Stores;
using Overholt.Application.Validation;

namespace Overholt.Application;

public static class DependencyInjection
{
    /// <summary>Validators and mapping profiles. Mediator itself is registered by the host, which owns the source generator.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Messages name fields the way clients spell them: "'zip_code' must not be empty."
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldNames.ToSnakeCase(member.Name);

        services.AddValidatorsFromAssemblyContaining<ApplicationAssembly>(ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddScoped<IStoreAccess, StoreAccessRule>();
        services.AddAutoMapper(configuration => configuration.AddMaps(typeof(ApplicationAssembly).Assembly));
        return services;
    }
}
