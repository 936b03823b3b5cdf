using Microsoft.AspNetCore.Antiforgery;
using TicketFlow.Api.Web.Pages;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Api.Web;

/// <summary>
/// The staff web page under <c>/{prefix}/web</c>: server-rendered HTML over the API's own endpoints (see
/// <see cref="ApiDispatcher"/>), so both hosts serve it and it can do nothing the API would refuse its user.
/// </summary>
public static class WebEndpoints
{
    private const string Ticket = "{ticketNumber:" + ApiRoutes.Id + "}";

    /// <summary>Maps the page's routes.</summary>
    /// <param name="app">The application.</param>
    /// <param name="routePrefix">host.json's route prefix.</param>
    /// <returns>The application.</returns>
    public static IEndpointRouteBuilder MapTicketFlowWeb(this IEndpointRouteBuilder app, string routePrefix)
    {
        var web = app.MapGroup($"/{routePrefix}/web").ExcludeFromDescription();
        web.MapGet(WebPage.StylesheetPath, () => Results.Text(WebStyles.Css, "text/css; charset=utf-8")).AllowAnonymous();
        web.MapSignInEndpoints();

        var staff = web.MapGroup("/").RequireAuthorization(WebServiceCollectionExtensions.StaffPolicy);
        staff.MapGet("/", (HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? week) =>
            HomePage.RenderAsync(http, api, networks, time, week));
        staff.MapGet("/calendar", (HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? month) =>
            CalendarPage.RenderAsync(http, api, networks, time, month));
        staff.MapGet("/compliance", (HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, Rulebook rules, TimeProvider time) =>
            CompliancePage.RenderAsync(http, api, networks, rules, time));
        staff.MapGet($"/tickets/{Ticket}", (HttpContext http, string ticketNumber, ApiDispatcher api, IEmploymentNetworkRepository networks, Rulebook rules, TimeProvider time, string? done) =>
            TicketPage.RenderAsync(http, ticketNumber, api, networks, rules, time, done));
        staff.MapGet($"/tickets/{Ticket}/iwps/{{iwpId:{ApiRoutes.Id}}}/document", DocumentAsync);
        staff.MapGet($"/tickets/{Ticket}/iwps/{{iwpId:{ApiRoutes.Id}}}/amend", (HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api) =>
            TicketForms.ShowAmendmentAsync(http, ticketNumber, iwpId, api));
        staff.MapPost($"/tickets/{Ticket}/iwps/{{iwpId:{ApiRoutes.Id}}}/amend", (HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api) =>
            TicketForms.SubmitAmendmentAsync(http, ticketNumber, iwpId, api)).AddEndpointFilter(ValidateAntiforgeryAsync);
        staff.MapGet($"/tickets/{Ticket}/{{form:regex(^(contact|event|earnings|iwp)$)}}", (HttpContext http, string ticketNumber, string form, ApiDispatcher api) =>
            TicketForms.ShowAsync(http, ticketNumber, form, api));
        staff.MapPost($"/tickets/{Ticket}/{{form:regex(^(contact|event|earnings|iwp)$)}}", (HttpContext http, string ticketNumber, string form, ApiDispatcher api) =>
            TicketForms.SubmitAsync(http, ticketNumber, form, api)).AddEndpointFilter(ValidateAntiforgeryAsync);

        // The form that opens a dispute is the disputes' own address, as the API's POST /v1/disputes is: the EN names
        // its disputes, so any segment below /disputes/ (even "new") may be a dispute's id and must show that dispute.
        staff.MapGet("/disputes", DisputePages.NewForm);
        staff.MapPost("/disputes", (HttpContext http, ApiDispatcher api) => DisputePages.OpenAsync(http, api)).AddEndpointFilter(ValidateAntiforgeryAsync);
        staff.MapGet($"/disputes/{{disputeId:{ApiRoutes.Id}}}", (HttpContext http, string disputeId, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? done) =>
            DisputePages.ShowAsync(http, disputeId, api, networks, time, done));
        staff.MapPost($"/disputes/{{disputeId:{ApiRoutes.Id}}}/recommendation", (HttpContext http, string disputeId, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time) =>
            DisputePages.RecommendationAsync(http, disputeId, api, networks, time)).AddEndpointFilter(ValidateAntiforgeryAsync);
        return app;
    }

    /// <summary>Refuses a form post whose antiforgery token is missing or not this user's (a cross-site request).</summary>
    internal static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return WebPage.Render(http, "Form expired", $"<p>The form was not accepted: it came from another site, or it was open too long. <a href=\"{WebPage.Base(http)}/\">Start again</a>.</p>",
                StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    private static async Task<IResult> DocumentAsync(HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api)
    {
        var answer = await api.SendAsync(http, "GET", $"tickets/{Uri.EscapeDataString(ticketNumber)}/iwps/{Uri.EscapeDataString(iwpId)}/document");
        return answer is { Succeeded: true, Content: { } bytes }
            ? Results.File(bytes, answer.ContentType ?? "application/octet-stream", $"{ticketNumber}-{iwpId}{Extension(answer.ContentType)}")
            : WebPage.NotFound(http, $"Ticket {ticketNumber} has no document for {iwpId}.");
    }

    private static string Extension(string? type) => type switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/tiff" => ".tif",
        _ => string.Empty,
    };
}
