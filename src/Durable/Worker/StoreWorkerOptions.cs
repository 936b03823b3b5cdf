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

    /// <summary>
    /// As Durable Functions' <c>extendedSessionsEnabled</c>: an instance whose history is cached keeps its orchestrator
    /// in memory, waiting where it waits, so the next episode applies only what is new instead of replaying the
    /// execution so far. Off by default, as there, so that tests replay and catch orchestrator code that is not
    /// replay-safe; a restart (a new deployment) always replays.
    /// </summary>
    public bool ExtendedSessions { get; set; }
}
