using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Security;
using Overholt.Application.Stores;

namespace Overholt.Application;

public static class DependencyInjection
{
    /// <summary>Validators and mapping profiles. Mediator itself is registered by the host, which owns the source generator.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Messages quote a field by its property name ("'ZipCode' must not be empty."); the host names it for its
        // audience (the API by its JSON name, the pages by its label), as it does the keys of RequestValidationException.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member?.Name;

        services.AddValidatorsFromAssemblyContaining<ApplicationAssembly>(ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddScoped<IStoreAccess, StoreAccessRule>();
        services.AddScoped<Imports.CatalogueImport>();
        services.AddScoped<Imports.ImportRowChecks>();
        services.AddAutoMapper(configuration => configuration.AddMaps(typeof(ApplicationAssembly).Assembly));
        return services;
    }
}
