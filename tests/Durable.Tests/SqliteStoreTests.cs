using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Tests;

/// <summary>The store contract on SQLite: each store is a separate connection set over one file, like a separate process.</summary>
public sealed class SqliteStoreTests : OrchestrationStoreContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ticketflow-store-" + Guid.NewGuid().ToString("N"));

    protected override IOrchestrationStore CreateStore(TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        return new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(directory, "durable.db"), LeaseDuration = TimeSpan.FromSeconds(30) }, time);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_database_uses_WAL_and_the_chosen_synchronous_level()
    {
        foreach (var (durability, expected) in new[] { (SqliteDurability.Full, 2L), (SqliteDurability.Fast, 1L) })
        {
            var path = Path.Combine(directory, $"{durability}.db");
            Directory.CreateDirectory(directory);
            await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = path, Durability = durability });
            await store.InitializeAsync(CancellationToken.None);

            var (journal, synchronous) = store.ReadPragmasForDiagnostics();

            Assert.Equal("wal", journal);
            Assert.Equal(expected, synchronous);
        }
    }

    [Fact]
    public async Task A_write_a_caller_waits_for_is_not_queued_behind_the_workers_backlog()
    {
        Directory.CreateDirectory(directory);
        await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(directory, "lanes.db"), MaxWritesPerTransaction = 50 });
        await store.InitializeAsync(CancellationToken.None);
        var start = new HistoryEvent { Type = HistoryEventType.ExecutionStarted, Name = "Test", InstanceId = "i-1", ExecutionId = "e" };
        await store.CreateInstanceAsync(new NewOrchestrationInstance("i-1", "Test", string.Empty, null, start, null), null, CancellationToken.None);

        // Writes of the worker's kind queued first, as a burst of episodes and activity results leaves them: hundreds
        // of transactions, each synced to disk.
        var backlog = Enumerable.Range(0, 20_000).Select(_ => store.ExecuteRawAsync("UPDATE instances SET version = version")).ToList();
        Assert.True(await store.SendMessageAsync("i-1", new HistoryEvent { Type = HistoryEventType.EventRaised, Name = "x" }, CancellationToken.None));

        var waiting = backlog.Count(t => !t.IsCompleted);
        Assert.True(waiting > backlog.Count / 2, $"the event was committed after {backlog.Count - waiting} of the {backlog.Count} writes queued before it");
        await Task.WhenAll(backlog);
    }
}
