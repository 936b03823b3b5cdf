using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TicketFlow.Api.Security;
using TicketFlow.Workflow.EmploymentNetworks;
using static TicketFlow.Api.Web.Html;

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

    /// <summary>The platform's sign-in for its Microsoft provider, under the site's root (not the route prefix).</summary>
    public const string LoginPath = "/.auth/login/aad";

    /// <summary>The platform's sign-out, which ends its session.</summary>
    public const string LogoutPath = "/.auth/logout";

    private static readonly string[] NameClaimTypes =
    [
        "preferred_username", "upn", ClaimTypes.Upn, "email", ClaimTypes.Email, "emails", ClaimTypes.Name, "name",
    ];

    /// <summary>Why a user the platform signed in is not let in, for the page that tells them (null: no refusal).</summary>
    private Refusal? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || values[0] is not { Length: > 0 and < 16384 } header)
        {
            return AuthenticateResult.NoResult();
        }

        var names = ReadNames(header);
        if (names is null)
        {
            _refusal = new Refusal(null, null);
            return AuthenticateResult.Fail("The client principal header cannot be read.");
        }

        var staff = web.Value.EasyAuth.StaffMap() ?? [];
        (string Name, string EnPid, string StaffId)? unlisted = null;
        foreach (var name in names)
        {
            if (staff.TryGetValue(name, out var mapped) && mapped is (var pid, var staffId))
            {
                if ((await networks.ListStaffAsync(pid, Context.RequestAborted)).Any(s => s.StaffId == staffId))
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

                unlisted ??= (name, pid, staffId);
            }
        }

        _refusal = new Refusal(unlisted?.Name ?? names.FirstOrDefault(), unlisted is { } u ? (u.EnPid, u.StaffId) : null);
        return AuthenticateResult.Fail("The signed-in user is not on any EN's staff (Web:EasyAuth:Staff).");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        if (_refusal is null)
        {
            // No platform session yet (Easy Auth lets anonymous requests through for the API's own callers): sign in
            // with Entra ID, then back to the page. A form posted without a session has lost its content; after
            // signing in the user starts again from the home page.
            var back = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                ? $"{Request.PathBase}{Request.Path}{Request.QueryString}"
                : WebPage.Base(Context) + "/";
            Response.Redirect($"{LoginPath}?post_login_redirect_uri={Uri.EscapeDataString(back)}");
            return;
        }

        await WebPage.Render(Context, "Not on an EN's staff", RefusalHtml(_refusal), StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    /// <summary>Tells a signed-in user who they are and what the operator must do, with a way to switch accounts.</summary>
    private string RefusalHtml(Refusal refusal)
    {
        var again = $"{LogoutPath}?post_logout_redirect_uri={Uri.EscapeDataString(WebPage.Base(Context) + "/")}";
        var who = refusal.SignedInAs is null
            ? "<p>You are signed in with Microsoft Entra ID, but TicketFlow could not read which account you are signed in with.</p>"
            : $"<p>You are signed in with Microsoft Entra ID as <strong>{E(refusal.SignedInAs)}</strong>.</p>";
        var why = (refusal.SignedInAs, refusal.Mapped) switch
        {
            (null, _) => "<p>Ask your operator to check the app's built-in authentication: the account header it passes on (X-MS-CLIENT-PRINCIPAL) is not in the shape TicketFlow reads.</p>",
            (_, (var pid, var staffId)) =>
                $"<p>That account is mapped to staff member <strong>{E(staffId)}</strong> of EN <strong>{E(pid)}</strong>, who is not on that EN's staff. "
                + "Ask your operator to add that staff member to the EN, or to correct the account's entry in the setting <code>Web:EasyAuth:Staff</code>.</p>",
            (var name, null) =>
                "<p>That account is not on any EN's staff in TicketFlow. Ask your operator to add it to the setting <code>Web:EasyAuth:Staff</code> "
                + $"(in Azure the app setting <code>Web__EasyAuth__Staff</code>) as <code>{E(name)}=&lt;EN PID&gt;/&lt;staff id&gt;</code>.</p>",
        };
        return $"{who}\n{why}\n<p><a href=\"{E(again)}\">Sign out and sign in with another account</a></p>";
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

    /// <summary>Why the platform's signed-in user is refused: who they are and, if mapped, to whom.</summary>
    /// <param name="SignedInAs">The account's name as the platform gave it, null when the header could not be read.</param>
    /// <param name="Mapped">The EN and staff id the account is mapped to when that staff member is not on the EN's staff.</param>
    private sealed record Refusal(string? SignedInAs, (string EnPid, string StaffId)? Mapped);
}
