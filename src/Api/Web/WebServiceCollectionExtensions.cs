using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TicketFlow.Api.Security;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Web;

/// <summary>Registers the staff web page's services: its sign-in (a cookie session, or Easy Auth in Azure), antiforgery and the in-process API calls.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>The authorization policy of the web page: a signed-in staff member of an EN.</summary>
    public const string StaffPolicy = "WebStaff";

    /// <summary>The cookie session's authentication scheme.</summary>
    public const string CookieScheme = "StaffCookie";

    /// <summary>Adds the web page's services, with <see cref="WebOptions"/> bound and validated at start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.EasyAuth.StaffMap() is not null, "Web:EasyAuth:Staff must be entries user=PID/staffId separated by ';'.")
            .ValidateOnStart();
        services.AddSingleton<ApiDispatcher>();

        // One key ring for every instance of the host (see BlobKeyRepository), in the account the records are in.
        services.AddDataProtection().SetApplicationName("TicketFlow");
        services.AddOptions<KeyManagementOptions>().Configure<BlobServiceClient, IOptions<StorageOptions>>((o, blobs, storage) =>
            o.XmlRepository = new BlobKeyRepository(blobs.GetBlobContainerClient(storage.Value.DocumentsContainerName)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tf_antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = WebPage.AntiforgeryField;
        });

        // Behind Easy Auth the platform signs users in; elsewhere the header could come from anyone, so it is not read.
        var easyAuth = configuration.GetValue<bool>($"{WebOptions.Section}:EasyAuth:Enabled");
        var scheme = SignInScheme(easyAuth);
        var authentication = services.AddAuthentication();
        if (easyAuth)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, EasyAuthHandler>(EasyAuthHandler.SchemeName, null);
        }
        else
        {
            authentication.AddCookie(CookieScheme, _ => { });
            services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<WebOptions>, HostSettings>((o, web, host) =>
            {
                o.Cookie.Name = "tf_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = $"/{host.RoutePrefix}/web";
                o.ExpireTimeSpan = web.Value.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = $"/{host.RoutePrefix}/web{WebPage.SignInPath}";
                o.LogoutPath = $"/{host.RoutePrefix}/web/sign-out";
                o.AccessDeniedPath = o.LoginPath;
                o.Events.OnValidatePrincipal = StillValidAsync;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(scheme).RequireClaim(CallerClaims.EnPid).RequireClaim(StaffClaims.StaffId));
        return services;
    }

    /// <summary>
    /// The web page's sign-in scheme when <paramref name="http"/> is a request for the page (under
    /// <c>/{prefix}/web</c>), else <see langword="null"/>: Easy Auth behind the platform, the session cookie elsewhere,
    /// as <see cref="AddWebServices"/> registered it from the same setting.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <returns>The scheme, or <see langword="null"/> for a request to the API.</returns>
    internal static string? SignInSchemeFor(HttpContext http)
    {
        var prefix = http.RequestServices.GetRequiredService<HostSettings>().RoutePrefix;
        return http.Request.Path.StartsWithSegments($"/{prefix}/web")
            ? SignInScheme(http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.EasyAuth.Enabled)
            : null;
    }

    private static string SignInScheme(bool easyAuth) => easyAuth ? EasyAuthHandler.SchemeName : CookieScheme;

    /// <summary>A session ends when its credential is revoked, even before the cookie expires.</summary>
    private static async Task StillValidAsync(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirst(StaffClaims.CredentialId)?.Value;
        var record = keyId is null ? null : await context.HttpContext.RequestServices.GetRequiredService<IApiKeyStore>().FindAsync(keyId, context.HttpContext.RequestAborted);
        if (record is null || record.RevokedAt is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
