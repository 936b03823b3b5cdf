using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Client;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

namespace TicketFlow.Durable.Sqlite;

/// <summary>Selects the embedded SQLite store for the worker or the client (one store instance per process).</summary>
public static class SqliteDurableTaskExtensions
{
    /// <summary>Uses the SQLite store.</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="configure">Configures the database path, durability and lease duration.</param>
    /// <returns>The builder.</returns>
    public static DurableTaskWorkerBuilder UseSqlite(this DurableTaskWorkerBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStore(builder.Services, configure);
        return builder;
    }

    /// <summary>Uses the SQLite store.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Configures the database path, durability and lease duration.</param>
    /// <returns>The builder.</returns>
    public static DurableTaskClientBuilder UseSqlite(this DurableTaskClientBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStore(builder.Services, configure);
        return builder;
    }

    private static void AddStore(IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton<IOrchestrationStore>(sp => new SqliteOrchestrationStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetService<TimeProvider>()));
    }
}
