using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Client;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

namespace TicketFlow.Durable;

/// <summary>Registers the durable worker and client.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable worker as a hosted service (calling it again, e.g. once per feature area, adds tasks to the
    /// same registry and worker):
    /// <c>services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestrator&lt;X&gt;()).UseSqlite(o => o.DatabasePath = "..."))</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures tasks, options and the store.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskWorker(this IServiceCollection services, Action<DurableTaskWorkerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddCommon(services);

        // Each area may call this with its own tasks: they all go into one registry and one worker.
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(DurableTaskRegistry))?.ImplementationInstance as DurableTaskRegistry;
        if (registry is null)
        {
            registry = new DurableTaskRegistry();
            services.AddSingleton(registry);
            services.AddOptions<DurableTaskWorkerOptions>();
            services.TryAddSingleton(sp => new DurableTaskWorker(
                sp.GetRequiredService<IOrchestrationStore>(),
                sp.GetRequiredService<DurableTaskRegistry>(),
                sp,
                sp.GetRequiredService<DataConverter>(),
                sp.GetRequiredService<IOptions<DurableTaskWorkerOptions>>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<DurableTaskWorker>());
        }

        configure(new DurableTaskWorkerBuilder(services, registry));
        return services;
    }

    /// <summary>Adds the <see cref="DurableTaskClient"/> over the registered store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional: configures the store (for a client-only process).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskClient(this IServiceCollection services, Action<DurableTaskClientBuilder>? configure = null)
    {
        AddCommon(services);
        services.TryAddSingleton<DurableTaskClient>(sp => new StoreDurableTaskClient(
            sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<DataConverter>(), sp.GetService<TimeProvider>()));
        configure?.Invoke(new DurableTaskClientBuilder(services));
        return services;
    }

    private static void AddCommon(IServiceCollection services)
    {
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton(TimeProvider.System);

        // Logging is optional: the worker uses the host's ILoggerFactory when there is one (no registration here, so a
        // later AddLogging() is not shadowed).
    }
}
