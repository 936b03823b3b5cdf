using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Client;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

namespace TicketFlow.Durable.Sqlite;

/// <summary>
/// Plugs the embedded SQLite engine into Microsoft's worker and client builders (their build-target extension point,
/// as Microsoft's gRPC and Durable Task Scheduler backends do):
/// <c>services.AddDurableTaskWorker(b =&gt; b.AddTasks(r =&gt; ...).UseSqlite(o =&gt; o.DatabasePath = "..."))</c> and
/// <c>services.AddDurableTaskClient(b =&gt; b.UseSqlite())</c>. One store instance per process serves both.
/// </summary>
public static class SqliteDurableTaskExtensions
{
    /// <summary>Runs the worker on the embedded SQLite store.</summary>
    /// <param name="builder">Microsoft's worker builder.</param>
    /// <param name="configure">Configures the database path, durability and lease duration.</param>
    /// <param name="worker">Optional: the engine's own worker settings (maintenance interval, history cache).</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder UseSqlite(this IDurableTaskWorkerBuilder builder, Action<SqliteStoreOptions>? configure = null, Action<StoreWorkerOptions>? worker = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStore(builder.Services, configure);
        builder.UseBuildTarget<StoreDurableTaskWorker, StoreWorkerOptions>();
        if (worker is not null)
        {
            builder.Services.Configure(builder.Name, worker);
        }

        return builder;
    }

    /// <summary>Runs the client on the embedded SQLite store (the worker's, when the process has one).</summary>
    /// <param name="builder">Microsoft's client builder.</param>
    /// <param name="configure">Configures the database path, durability and lease duration (for a client-only process).</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskClientBuilder UseSqlite(this IDurableTaskClientBuilder builder, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStore(builder.Services, configure);
        builder.UseBuildTarget<StoreDurableTaskClient>();
        return builder;
    }

    private static void AddStore(IServiceCollection services, Action<SqliteStoreOptions>? configure)
    {
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOrchestrationStore>(sp => new SqliteOrchestrationStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetService<TimeProvider>()));
    }
}
