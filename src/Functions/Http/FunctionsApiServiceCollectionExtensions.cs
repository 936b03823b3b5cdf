using Microsoft.Extensions.DependencyInjection;

namespace TicketFlow.Functions.Http;

/// <summary>Registers the API pipeline the HTTP functions share and the per-invocation durable client.</summary>
public static class FunctionsApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FunctionsApiPipeline"/> (a singleton) and <see cref="DurableTaskClient"/> for the API's endpoints:
    /// per invocation, the client the function's <c>[DurableClient]</c> binding gave.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFunctionsApiPipeline(this IServiceCollection services)
    {
        services.AddSingleton<FunctionsApiPipeline>();
        services.AddScoped<DurableClientHolder>();

        // Durable Functions' client is a binding, not a service; its wrapper's DisposeAsync does nothing, so the scope
        // owning it is harmless.
        services.AddScoped(sp => sp.GetRequiredService<DurableClientHolder>().Client
            ?? throw new InvalidOperationException("This function has no [DurableClient] binding, and its endpoint needs the durable client."));
        return services;
    }
}
