using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Template;

namespace TicketFlow.Api.Web;

/// <summary>
/// Calls the API's own endpoints in process, as the signed-in staff member: the same route, binding, validation,
/// handler and Problem Details a client of the API gets, so the page can neither do nor show anything the API would
/// refuse that user, and there is no second implementation to drift. The user must pass the API's EN caller policy
/// first, as they would over HTTP.
/// </summary>
internal sealed class ApiDispatcher(EndpointDataSource endpoints, HostSettings host, IAuthorizationService authorization)
{
    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() => Index(endpoints, host));

    /// <summary>Sends a request to the API endpoint for <paramref name="method"/> and <paramref name="pathUnderV1"/>.</summary>
    /// <param name="http">The page's request (its user, services and cancellation).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathUnderV1">The path below <c>/{prefix}/v1/</c>, with its query string if any.</param>
    /// <param name="body">The request's body and content type, if any.</param>
    /// <returns>The API's answer.</returns>
    public async Task<ApiAnswer> SendAsync(HttpContext http, string method, string pathUnderV1, (byte[] Content, string ContentType)? body = null)
    {
        if (!(await authorization.AuthorizeAsync(http.User, ApiServiceCollectionExtensions.EnCallerPolicy)).Succeeded)
        {
            return new ApiAnswer(StatusCodes.Status403Forbidden, default);
        }

        var (path, query) = pathUnderV1.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (pathUnderV1[..q], pathUnderV1[q..]) : (pathUnderV1, string.Empty);
        var fullPath = new PathString($"/{host.RoutePrefix}/v1/{path}".TrimEnd('/'));
        var values = new RouteValueDictionary();
        var route = _routes.Value.FirstOrDefault(r => r.Method == method && r.Matcher.TryMatch(fullPath, values = new RouteValueDictionary()))
            ?? throw new InvalidOperationException($"The API has no endpoint {method} {fullPath}.");

        var call = new DefaultHttpContext { RequestServices = http.RequestServices, User = new ClaimsPrincipal(http.User.Identities) };
        call.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(body is not null));
        call.Connection.RemoteIpAddress = http.Connection.RemoteIpAddress;
        call.RequestAborted = http.RequestAborted;
        var request = call.Request;
        request.Method = method;
        request.Scheme = http.Request.Scheme;
        request.Host = http.Request.Host;
        request.Path = fullPath;
        request.QueryString = new QueryString(query.Length > 0 ? query : null);
        request.RouteValues = values;
        request.Headers.Accept = "application/json";
        if (body is { } b)
        {
            request.ContentType = b.ContentType;
            request.ContentLength = b.Content.Length;
            request.Body = new MemoryStream(b.Content, writable: false);
        }

        using var response = new MemoryStream();
        call.Response.Body = response;
        call.SetEndpoint(route.Endpoint);
        try
        {
            await route.Endpoint.RequestDelegate!(call);
        }
        catch (Exception e) when (e is BadHttpRequestException or JsonException || e.InnerException is JsonException)
        {
            // What the API's exception handler answers a client whose body cannot be bound: the field and the reason.
            call.Response.Body = response;
            response.SetLength(0);
            foreach (var handler in http.RequestServices.GetServices<IExceptionHandler>())
            {
                if (await handler.TryHandleAsync(call, e, http.RequestAborted))
                {
                    break;
                }
            }
        }

        var type = call.Response.ContentType;
        if (response.Length > 0 && type?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = JsonDocument.Parse(response.ToArray());
            return new ApiAnswer(call.Response.StatusCode, document.RootElement.Clone(), null, type);
        }

        return new ApiAnswer(call.Response.StatusCode, default, response.Length > 0 ? response.ToArray() : null, type);
    }

    private static List<Route> Index(EndpointDataSource endpoints, HostSettings host) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith($"/{host.RoutePrefix}/v1/", StringComparison.Ordinal) == true && e.RequestDelegate is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route(
                m, e, new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                e.RoutePattern.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral))))
            // Literal segments before parameters, as routing ranks them (…/iwps/current before …/iwps/{iwpId}).
            .OrderByDescending(r => r.Literals)];

    private sealed record Route(string Method, RouteEndpoint Endpoint, TemplateMatcher Matcher, int Literals);

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => canHaveBody;
    }
}
