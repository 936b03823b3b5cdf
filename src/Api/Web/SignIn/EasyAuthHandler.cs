using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TicketFlow.Api.Security;
using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Api.Web.SignIn;

/// <summary>
/// Signs staff in from the Function App's built-in authentication: the platform puts the Entra ID user in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON of its claims); the user's name is mapped to an EN's staff member
/// by <see cref="EasyAuthOptions.Staff"/>. Registered only when <see cref="EasyAuthOptions.Enabled"/> says the app
/// runs behind Easy Auth, the only place the header cannot come from the client.
/// </summary>
internal sealed class EasyAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<WebOptions> web,
    IEmploymentNetworkRepository networks)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EasyAuth";
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private static readonly string[] NameClaimTypes =
    [
        "preferred_username", "upn", ClaimTypes.Upn, "email", ClaimTypes.Email, "emails", ClaimTypes.Name, "name",
    ];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || values[0] is not { Length: > 0 and < 16384 } header)
        {
            return AuthenticateResult.NoResult();
        }

        var names = ReadNames(header);
        if (names is null)
        {
            return AuthenticateResult.Fail("The client principal header cannot be read.");
        }

        var staff = web.Value.EasyAuth.StaffMap() ?? [];
        foreach (var name in names)
        {
            if (staff.TryGetValue(name, out var mapped) && mapped is (var pid, var staffId)
                && (await networks.ListStaffAsync(pid, Context.RequestAborted)).Any(s => s.StaffId == staffId))
            {
                var identity = new ClaimsIdentity(
                    [
                        new Claim(CallerClaims.EnPid, pid),
                        new Claim(CallerClaims.Name, StaffClaims.CallerName(staffId)),
                        new Claim(StaffClaims.StaffId, staffId),
                    ],
                    SchemeName, CallerClaims.Name, null);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
            }
        }

        return AuthenticateResult.Fail("The signed-in user is not on any EN's staff (Web:EasyAuth:Staff).");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Easy Auth sends unauthenticated users to Entra ID before they reach the app; one who arrives is not staff.
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>The user's names in the order they are tried, or null when the header is not Easy Auth's shape.</summary>
    internal static List<string>? ReadNames(string header)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            if (!json.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var nameType = json.RootElement.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out _) && c.TryGetProperty("val", out _))
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? ""))
                .ToList();
            return [.. new[] { nameType }.Concat(NameClaimTypes)
                .Where(t => t is not null)
                .SelectMany(t => pairs.Where(p => string.Equals(p.Type, t, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value))
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
