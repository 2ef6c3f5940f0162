namespace Overholt.Infrastructure.Jobs;

/// <summary>This process as a worker: a name unique across the hosts that share one job storage.</summary>
public sealed class WorkerInstance
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
