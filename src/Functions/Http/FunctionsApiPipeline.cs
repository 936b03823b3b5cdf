using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api;
using TicketFlow.Api.Webhooks;

namespace TicketFlow.Functions.Http;

/// <summary>
/// src/Api's middleware and endpoints as one request delegate, built once on the worker's services: every HTTP function
/// hands its request to it, so each endpoint is the same code with the same routing, binding, validation, security,
/// rate limits and idempotency as on the self-hosted server. Built once because the rate limiter's partitions and the
/// middleware live in it.
/// </summary>
public sealed class FunctionsApiPipeline : IDisposable
{
    private readonly CompositeEndpointDataSource endpoints;
    private readonly RequestDelegate pipeline;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="services">The worker's root services.</param>
    /// <param name="host">host.json's settings (the route prefix).</param>
    public FunctionsApiPipeline(IServiceProvider services, HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(host);
        IEndpointRouteBuilder? routes = null;
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseTicketFlowApi();
        app.UseEndpoints(e =>
        {
            e.MapTicketFlowApi(host.RoutePrefix);

            // A Functions app has one route prefix for every function; the webhook is below it here.
            e.MapSendGridEventWebhook(WebhookPath(host));
            routes = e;
        });
        pipeline = app.Build();
        endpoints = new CompositeEndpointDataSource(routes!.DataSources);
    }

    /// <summary>The endpoints the pipeline routes to: one HTTP function each.</summary>
    public IReadOnlyList<Endpoint> Endpoints => endpoints.Endpoints;

    /// <summary>Where SendGrid's Event Webhook posts on this host.</summary>
    /// <param name="host">host.json's settings.</param>
    /// <returns>The path, e.g. /api/webhooks/sendgrid/events.</returns>
    public static string WebhookPath(HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return $"/{host.RoutePrefix}/webhooks/sendgrid/events";
    }

    /// <summary>What every HTTP function calls: runs the API on the function's request and writes its response.</summary>
    /// <param name="request">The function's request (its RequestServices are the invocation's scope).</param>
    /// <param name="client">The function's durable client binding, when it has one.</param>
    /// <returns>When the response is written.</returns>
    public static Task InvokeAsync(HttpRequest request, DurableTaskClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<FunctionsApiPipeline>().RunAsync(request.HttpContext, client);
    }

    /// <summary>Runs the API on <paramref name="context"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="client">The invocation's durable client, if bound.</param>
    /// <returns>When the response is written.</returns>
    public async Task RunAsync(HttpContext context, DurableTaskClient? client)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (client is not null)
        {
            context.RequestServices.GetRequiredService<DurableClientHolder>().Client = client;
        }

        // The worker's routing already chose the function's endpoint. Routing skips matching while an endpoint is set,
        // and the endpoint middleware would run the function again: clear both for the API's own routing, and put
        // them back for the worker.
        var functionEndpoint = context.GetEndpoint();
        var functionRouteValues = context.Request.RouteValues;
        context.SetEndpoint(null);
        context.Request.RouteValues = new RouteValueDictionary();
        try
        {
            await pipeline(context).ConfigureAwait(false);
        }
        finally
        {
            context.SetEndpoint(functionEndpoint);
            context.Request.RouteValues = functionRouteValues;
        }
    }

    /// <inheritdoc />
    public void Dispose() => endpoints.Dispose();
}
