using TicketFlow.Api;
using TicketFlow.Api.Web;
using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Web;

/// <summary>
/// The staff web page (src/Api/Web): one function per page and form, each the page's endpoint of the same route and
/// method. The pages call the API in process as the signed-in staff member, so those that read or change a workflow
/// take this invocation's Durable client.
/// </summary>
public static class WebFunctions
{
    private const string Ticket = "{ticketNumber:" + ApiRoutes.Id + "}";

    private const string Iwp = "web/tickets/" + Ticket + "/iwps/{iwpId:" + ApiRoutes.Id + "}";

    private const string Form = "{form:regex(^(contact|event|earnings|iwp)$)}";

    /// <summary>GET: The page's style sheet.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetSiteStyles))]
    public static Task GetSiteStyles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web" + WebPage.StylesheetPath)] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>GET: The sign-in form.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetSignIn))]
    public static Task GetSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web" + WebPage.SignInPath)] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>POST: Signs a staff member in with their credential.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(SignIn))]
    public static Task SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web" + WebPage.SignInPath)] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>POST: Signs the staff member out.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(SignOut))]
    public static Task SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/sign-out")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>GET: This week's deadlines: due, overdue and met late.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetThisWeek))]
    public static Task GetThisWeek(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A month calendar of deadlines.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetDeadlineCalendar))]
    public static Task GetDeadlineCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/calendar")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: Contact compliance per month, as a chart and a table.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetContactCompliance))]
    public static Task GetContactCompliance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/compliance")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A ticket's page: phase, timeline, IWPs, case notes, earnings, documents.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetTicketPage))]
    public static Task GetTicketPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/tickets/" + Ticket)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: Downloads a ticket's signed IWP document.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetTicketIwpDocument))]
    public static Task GetTicketIwpDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Iwp + "/document")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The form that records an amendment of one of a ticket's IWPs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetIwpAmendmentForm))]
    public static Task GetIwpAmendmentForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Iwp + "/amend")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records an amendment of one of a ticket's IWPs from the form.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(AmendIwpFromPage))]
    public static Task AmendIwpFromPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Iwp + "/amend")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: One of a ticket's daily forms (contact, event, earnings, IWP).</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetTicketForm))]
    public static Task GetTicketForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/tickets/" + Ticket + "/" + Form)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Submits one of a ticket's daily forms.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(PostTicketForm))]
    public static Task PostTicketForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/tickets/" + Ticket + "/" + Form)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The form that opens a dispute.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetNewDisputeForm))]
    public static Task GetNewDisputeForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/disputes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Opens a dispute from the form.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(OpenDisputeFromPage))]
    public static Task OpenDisputeFromPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/disputes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A dispute's page with its deadlines.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(GetDisputePage))]
    public static Task GetDisputePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/disputes/{disputeId:" + ApiRoutes.Id + "}")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records the PM's recommendation on a dispute.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the page has been written.</returns>
    [Function(nameof(RecordDisputeRecommendation))]
    public static Task RecordDisputeRecommendation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/disputes/{disputeId:" + ApiRoutes.Id + "}/recommendation")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
