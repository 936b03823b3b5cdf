namespace TicketFlow.Durable.Sqlite;

/// <summary>Options of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Path of the database file (one file, WAL mode; <c>-wal</c> and <c>-shm</c> files sit beside it).</summary>
    public string DatabasePath { get; set; } = "durable.db";

    /// <summary>Durability of commits; <see cref="SqliteDurability.Full"/> by default.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>How long a lease on an instance or activity lasts without renewal; after it, another worker takes the work over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most writes grouped into one transaction by the single writer (group commit).</summary>
    public int MaxWritesPerTransaction { get; set; } = 1000;
}
