using TicketFlow.Api;
using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Tickets;

/// <summary>Tickets: registration, events, contacts, service notes, case notes, timeline. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class TicketFunctions
{
    /// <summary>POST: Registers a ticketholder and ticket and starts its workflow.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RegisterTicket))]
    public static Task RegisterTicket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.V1 + "/tickets")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A ticket with its open deadlines.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetTicket))]
    public static Task GetTicket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records a ticket event.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RecordTicketEvent))]
    public static Task RecordTicketEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/events")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records a contact attempt or a two-way contact.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(LogContactAttempt))]
    public static Task LogContactAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/contacts")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records a service note.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RecordServiceNote))]
    public static Task RecordServiceNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/service-notes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records the ticketholder's request not to be contacted.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RecordNoContactRequest))]
    public static Task RecordNoContactRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/no-contact-requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: One case note.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetCaseNote))]
    public static Task GetCaseNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/case-notes/{noteId:" + ApiRoutes.Id + "}")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The ticket's case notes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ListCaseNotes))]
    public static Task ListCaseNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/case-notes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: What happened to the ticket and its deadlines, in order.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetTicketTimeline))]
    public static Task GetTicketTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/timeline")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
