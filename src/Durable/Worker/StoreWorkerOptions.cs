using Microsoft.DurableTask.Worker;

namespace TicketFlow.Durable.Worker;

/// <summary>
/// Microsoft's worker options (data converter, <see cref="DurableTaskWorkerOptions.Concurrency"/>) with what the
/// embedded engine adds. The builder copies what <c>Configure(...)</c> set on <see cref="DurableTaskWorkerOptions"/>
/// into these (<c>UseBuildTarget&lt;TWorker, TOptions&gt;</c>); configure the additions with
/// <c>UseSqlite(store =&gt; ..., worker =&gt; ...)</c>.
/// </summary>
public sealed class StoreWorkerOptions : DurableTaskWorkerOptions
{
    /// <summary>How often the worker scans the store for unleased or expired work and renews its own leases.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many running instances' histories are kept in memory between episodes (0 disables the cache).</summary>
    public int HistoryCacheSize { get; set; } = 10_000;
}
