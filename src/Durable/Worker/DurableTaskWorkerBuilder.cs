using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketFlow.Durable.Worker;

/// <summary>Configures the durable worker: its tasks, options, store and serialisation.</summary>
public sealed class DurableTaskWorkerBuilder
{
    internal DurableTaskWorkerBuilder(IServiceCollection services, DurableTaskRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The task registry.</summary>
    public DurableTaskRegistry Registry { get; }

    /// <summary>Registers orchestrators and activities.</summary>
    /// <param name="configure">Adds tasks to the registry.</param>
    /// <returns>This builder.</returns>
    public DurableTaskWorkerBuilder AddTasks(Action<DurableTaskRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Registry);
        return this;
    }

    /// <summary>Configures worker options.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public DurableTaskWorkerBuilder Configure(Action<DurableTaskWorkerOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Uses System.Text.Json with these options for inputs, outputs, events and custom status.</summary>
    /// <param name="options">The serializer options.</param>
    /// <returns>This builder.</returns>
    public DurableTaskWorkerBuilder UseJsonSerializerOptions(JsonSerializerOptions options)
    {
        Services.Replace(ServiceDescriptor.Singleton<DataConverter>(new JsonDataConverter(options)));
        return this;
    }

    /// <summary>Uses a custom data converter.</summary>
    /// <param name="converter">The converter.</param>
    /// <returns>This builder.</returns>
    public DurableTaskWorkerBuilder UseDataConverter(DataConverter converter)
    {
        Services.Replace(ServiceDescriptor.Singleton(converter));
        return this;
    }
}
