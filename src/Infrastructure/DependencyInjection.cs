using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Overholt.Application.Caching;
using Overholt.Application.Email;
using Overholt.Application.History;
using Overholt.Application.Persistence;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Caching;
using Overholt.Infrastructure.Email;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Idempotency;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.KeyRing;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence on the configured provider and the adapters for the Application's ports.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(options => Enum.IsDefined(options.Provider), $"{DatabaseOptions.Section}:Provider must be Sqlite or Postgres")
            .ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section))
            .Validate(seed => string.IsNullOrEmpty(seed.AdminEmail) == string.IsNullOrEmpty(seed.AdminPassword), "Seed:AdminEmail and Seed:AdminPassword are set together or not at all")
            .Validate(seed => string.IsNullOrEmpty(seed.AdminEmail) || System.Net.Mail.MailAddress.TryCreate(seed.AdminEmail, out _), "Seed:AdminEmail is not an email address")
            .Validate(seed => string.IsNullOrEmpty(seed.AdminPassword) || seed.AdminPassword.Length >= UserLimits.PasswordMinLength, $"Seed:AdminPassword must be at least {UserLimits.PasswordMinLength} characters")
            .ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Default is not set. For the embedded default use \"Data Source=overholt.db\".");

        // Pooled: a request takes a ready context instead of building one with its services each time.
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<OverholtDbContext, PostgresOverholtDbContext>((serviceProvider, options) =>
                    options.UseOverholtPostgres(connectionString).AddInterceptors(serviceProvider.GetServices<IInterceptor>()));
                // PostgreSQL tells every node about catalogue changes, so catalogue reads may be kept in memory.
                if (database.CatalogueCache)
                {
                    services.AddSingleton(new CatalogueChangeFeedSettings(connectionString));
                    services.AddSingleton<CatalogueHeartbeat>();
                    services.AddNotificationChannel<CatalogueChangeFeed>(connectionString);
                }

                break;
            default:
                services.AddDbContextPool<OverholtDbContext, SqliteOverholtDbContext>((serviceProvider, options) =>
                    options.UseOverholtSqlite(connectionString).AddInterceptors(serviceProvider.GetServices<IInterceptor>()));
                break;
        }

        services.AddSingleton<CompiledProjections>();
        services.AddSingleton<SqliteWriters>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfRepository<>));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<SampleData>();
        services.AddScoped<LargeSampleData>();
        services.AddScoped<OutboxBacklog>();
        services.AddScoped<IdempotencyKeys>();
        services.AddKeyRing(configuration);
        services.AddSingleton<IInterceptor, DomainEventOutboxInterceptor>();
        services.AddSingleton<IInterceptor, CreationTimeInterceptor>();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateDataAnnotations()
            .Validate(cache => cache.StaleAfter >= 2 * cache.HeartbeatInterval, "Cache:StaleAfter must be at least twice Cache:HeartbeatInterval")
            .ValidateOnStart();
        services.AddSingleton<CatalogueCache>();
        services.AddSingleton<IReadCache>(provider => provider.GetRequiredService<CatalogueCache>());
        services.AddSingleton<IInterceptor, CatalogueChangeInterceptor>();
        services.AddMemoryCache();
        services.AddSingleton<IInterceptor, AccountChangeInterceptor>();
        // Who changes are recorded against: the host says (requests, the operator); the system where it does not.
        services.TryAddSingleton<IChangeActor, SystemChangeActor>();
        services.AddSingleton<IInterceptor, HistoryInterceptor>();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddEmail();

        // Adapters are named after the port they implement: UnitOfWork : IUnitOfWork, UserDirectory : IUserDirectory.
        services.Scan(scan => scan.FromAssemblyOf<OverholtDbContext>()
            .AddClasses(classes => classes.Where(type => !type.IsGenericTypeDefinition), publicOnly: false)
            .AsMatchingInterface()
            .WithScopedLifetime());

        return services;
    }

    /// <summary>The email adapter chosen by <c>Email:Delivery</c>, with its configuration validated at start-up.</summary>
    private static void AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddScoped<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(provider));
    }

    /// <summary>ASP.NET Core Identity on the same database: integer ids, roles, lockout, bearer tokens and the cookie.</summary>
    public static IdentityBuilder AddOverholtIdentity(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AccountStates>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<PasswordRecovery>();
        services.AddScoped<OwnPasswordChange>();
        // Reset links (the only data-protected tokens the app hands out) expire with the recovery's lifetime.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = PasswordRecovery.LinkLifetime);
        return services
            .AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = UserLimits.PasswordMinLength;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<OverholtDbContext>()
            .AddUserManager<OverholtUserManager>()
            .AddUserValidator<PlainTextUserValidator>()
            .AddSignInManager<OverholtSignInManager>();
    }
}
