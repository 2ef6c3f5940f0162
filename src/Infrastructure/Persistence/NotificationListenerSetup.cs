using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Overholt.Infrastructure.Persistence;

internal static class NotificationListenerSetup
{
    /// <summary>Adds <typeparamref name="TChannel"/> to what the node's one listening connection (<see cref="NotificationListener"/>) listens to.</summary>
    public static IServiceCollection AddNotificationChannel<TChannel>(this IServiceCollection services, string connectionString)
        where TChannel : NotificationChannel
    {
        services.TryAddSingleton(new ListeningConnection(connectionString));
        services.AddSingleton<NotificationChannel, TChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationListener>());
        return services;
    }
}
