using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using TicketFlow.Api.Caching;
using TicketFlow.Api.Security;
using TicketFlow.Api.Web;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api;

/// <summary>Registers the HTTP API's services: authentication, authorization, rate limits, JSON rules, Problem Details.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The authorization policy for an EN's callers.</summary>
    public const string EnCallerPolicy = "EnCaller";

    /// <summary>The default authentication scheme: an API key, or an Entra ID bearer token when configured.</summary>
    public const string CallerScheme = "Caller";

    /// <summary>The authorization policy for the operator's administrative key.</summary>
    public const string AdministratorPolicy = "Administrator";

    /// <summary>
    /// Adds the API's services, with <see cref="ApiSecurityOptions"/> bound and validated at start. Call after
    /// <c>AddRecordServices</c>: the API reads API keys and EN records through caches in front of those stores.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiSecurityOptions>().Bind(configuration.GetSection(ApiSecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiLinks>();
        services.AddSingleton<Tickets.TicketEventGate>();
        services.Decorate<IApiKeyStore>((inner, sp) => new CachedApiKeyStore(inner, Cache<ApiKeyRecord>(sp)));
        services.Decorate<IEmploymentNetworkRepository>((inner, sp) => new CachedEmploymentNetworkRepository(inner, Cache<EmploymentNetwork>(sp)));
        services.AddProblemDetails();
        services.AddOpenApi("v1", ApiOpenApi.Configure);
        services.AddExceptionHandler<ApiExceptionHandler>();

        // A body that cannot be bound reaches ApiExceptionHandler, which names the field, instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Unknown fields are refused rather than silently dropped: a misspelt date must not vanish.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddOptions<EntraIdOptions>().Bind(configuration.GetSection(EntraIdOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<EntraIdOptions>, EntraIdOptionsValidator>();

        // One default scheme that hands a request to the API key or, when Entra ID is configured and the request carries
        // a bearer token, to Entra ID; every endpoint and policy stays the same whichever a caller uses. The staff web
        // page's requests go to its own sign-in (the session cookie, or Easy Auth), so that the rate limiter, which runs
        // before authorization, counts a signed-in staff member as themself and not as an anonymous address.
        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "API key, Entra ID token or the web page's sign-in", o => o.ForwardDefaultSelector = http =>
                WebServiceCollectionExtensions.SignInSchemeFor(http)
                ?? (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EntraIdOptions>>().Value.Enabled
                        ? EntraIdBearer.SchemeName
                        : ApiKeyAuthenticationHandler.SchemeName))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddEntraIdBearer();
        services.AddAuthorizationBuilder()
            .AddPolicy(EnCallerPolicy, p => p.RequireClaim(CallerClaims.EnPid))
            .AddPolicy(AdministratorPolicy, p => p.RequireClaim(CallerClaims.Administrator));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                // When the caller's window opens again, as the limiter knows it; the whole window if it does not say.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiSecurityOptions>>().Value.RateWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem("Too many requests from this caller; retry after the time in Retry-After.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limit exceeded").ExecuteAsync(context.HttpContext);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var settings = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiSecurityOptions>>().Value;
                var (partition, limit) = RatePartition(http, settings);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = settings.RateWindow,
                    QueueLimit = 0,
                });
            });
        });
        services.AddWebServices(configuration);
        return services;
    }

    /// <summary>
    /// Who a request is counted as. Authentication runs first, so a caller is counted by who it is, whichever
    /// credential it used; requests without a valid one are counted by client address, and apart from the anonymous
    /// endpoints (health, the OpenAPI document, the signed SendGrid webhook, the web page's sign-in form and
    /// stylesheet), so that one flood of garbage keys locks out neither other addresses nor the probes, the webhook and
    /// the page.
    /// </summary>
    internal static (string Partition, int Limit) RatePartition(HttpContext http, ApiSecurityOptions settings)
    {
        if (http.User.FindFirst(CallerClaims.Name) is { } name)
        {
            return ($"caller|{http.User.FindFirst(CallerClaims.EnPid)?.Value}|{name.Value}", settings.RequestsPerWindow);
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var path = http.Request.Path;
        var area = path.StartsWithSegments("/webhooks") ? "webhook"
            : path.Value?.Contains("/health/", StringComparison.Ordinal) == true || path.Value?.Contains("/openapi/", StringComparison.Ordinal) == true
              || IsWebPagesPublicResource(http) ? "public"
            : null;
        return area is null
            ? ($"anonymous|{address}", settings.AnonymousRequestsPerWindow)
            : ($"{area}|{address}", settings.RequestsPerWindow);
    }

    /// <summary>
    /// The web page's sign-in form and stylesheet, read before anyone is signed in. They try no credential, and the
    /// staff of one office share one address: counted as anonymous, their page views would use up the office's
    /// sign-in attempts. The sign-in post itself tries a credential and stays anonymous.
    /// </summary>
    private static bool IsWebPagesPublicResource(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Path.Value is { } path
        && (path.EndsWith("/web" + WebPage.SignInPath, StringComparison.Ordinal) || path.EndsWith("/web" + WebPage.StylesheetPath, StringComparison.Ordinal));

    private static ExpiringCache<T> Cache<T>(IServiceProvider services)
        where T : class =>
        new(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiSecurityOptions>>().Value.RecordCacheDuration);
}
