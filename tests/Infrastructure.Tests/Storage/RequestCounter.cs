using Azure.Core;
using Azure.Core.Pipeline;

namespace TicketFlow.Infrastructure.Tests.Storage;

/// <summary>Counts the requests an SDK client sends, to show that a refused call sent nothing.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => _count;

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
