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
}
