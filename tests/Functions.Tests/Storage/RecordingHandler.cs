using System.Net;

namespace TicketFlow.Functions.Tests.Storage;

/// <summary>Records requests and answers each with a fixed status, so request signing can be checked without a service.</summary>
internal sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(string.Empty), RequestMessage = request });
    }
}
