namespace TicketFlow.Durable.Sqlite;

/// <summary>How hard a commit is pushed to disk.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// Default. <c>synchronous=FULL</c>: the WAL is synced on every commit, so an acknowledged change survives a power
    /// loss or OS crash.
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: the WAL is synced only at checkpoints. Survives a process crash (SIGKILL) but the
    /// last commits before a power loss or OS crash may be lost. Faster.
    /// </summary>
    Fast = 1,
}
