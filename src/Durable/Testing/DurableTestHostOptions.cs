using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Testing;

/// <summary>Options of the <see cref="DurableTestHost"/>.</summary>
public sealed class DurableTestHostOptions
{
    /// <summary>
    /// When true (default), whenever the worker is idle the clock jumps to the next durable timer, so months of
    /// workflow run in milliseconds. Turn off to control time with <see cref="DurableTestHost.AdvanceTimeAsync"/>.
    /// </summary>
    public bool SkipTime { get; set; } = true;

    /// <summary>Whether the worker runs (false: a client-only host, e.g. to seed instances).</summary>
    public bool StartWorker { get; set; } = true;

    /// <summary>The database file; a new temporary file (deleted on dispose) when <c>null</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Creates the store instead of the default temporary SQLite file (e.g. a PostgreSQL fixture running the same
    /// suite). Receives the virtual clock.
    /// </summary>
    public Func<TimeProvider, IOrchestrationStore>? StoreFactory { get; set; }

    /// <summary>Extended sessions (see <see cref="Worker.StoreWorkerOptions.ExtendedSessions"/>); off by default, so tests replay.</summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>Commit durability; <see cref="SqliteDurability.Fast"/> by default in tests.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Fast;
}
