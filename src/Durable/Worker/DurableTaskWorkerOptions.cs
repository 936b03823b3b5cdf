namespace TicketFlow.Durable.Worker;

/// <summary>Options of the durable worker.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Episodes run concurrently (they mostly wait for the group commit).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 64;

    /// <summary>Activities run concurrently.</summary>
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>How often the worker scans the store for unleased or expired work and renews its own leases.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many running instances' histories are kept in memory between episodes (0 disables the cache).</summary>
    public int HistoryCacheSize { get; set; } = 10_000;
}
