using Microsoft.Extensions.DependencyInjection;

namespace TicketFlow.Durable.Client;

/// <summary>Configures the durable client (the store is shared with the worker when both are added).</summary>
public sealed class DurableTaskClientBuilder
{
    internal DurableTaskClientBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }
}
