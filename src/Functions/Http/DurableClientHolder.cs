namespace TicketFlow.Functions.Http;

/// <summary>
/// The invocation's <c>[DurableClient]</c> binding, kept for the request's scope so that the API's endpoints, which take
/// <see cref="DurableTaskClient"/> from dependency injection as they do on the server, get the client Durable
/// Functions bound for this invocation.
/// </summary>
internal sealed class DurableClientHolder
{
    /// <summary>The bound client; null when the function has no durable client binding.</summary>
    public DurableTaskClient? Client { get; set; }
}
