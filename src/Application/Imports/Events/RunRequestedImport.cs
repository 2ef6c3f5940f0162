using Mediator;

namespace Overholt.Application.Imports.Events;

/// <summary>An import was uploaded to run in the background (from outbox message <see cref="MessageId"/>).</summary>
public sealed record ImportRequestedNotification(Guid MessageId, Guid ImportId) : INotification;

/// <summary>
/// Runs an uploaded import in the worker's job. Delivery is at least once: a repeat finds the import taken or finished
/// and does nothing.
/// </summary>
public sealed class RunRequestedImport(CatalogueImport import) : INotificationHandler<ImportRequestedNotification>
{
    public async ValueTask Handle(ImportRequestedNotification notification, CancellationToken cancellationToken) =>
        await import.RunAsync(notification.ImportId, progress: null, cancellationToken);
}
