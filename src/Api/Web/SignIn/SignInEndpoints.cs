using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using TicketFlow.Api.Security;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Workflow.EmploymentNetworks;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.SignIn;

/// <summary>Signing in with a staff credential (the self-hosted server) and signing out.</summary>
internal static class SignInEndpoints
{
    public static RouteGroupBuilder MapSignInEndpoints(this RouteGroupBuilder web)
    {
        web.MapGet(WebPage.SignInPath, (HttpContext http) => Form(http, error: null)).AllowAnonymous();
        web.MapPost(WebPage.SignInPath, SignInAsync).AllowAnonymous().AddEndpointFilter(WebEndpoints.ValidateAntiforgeryAsync);
        web.MapPost("/sign-out", SignOutAsync).RequireAuthorization(WebServiceCollectionExtensions.StaffPolicy).AddEndpointFilter(WebEndpoints.ValidateAntiforgeryAsync);
        return web;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IApiKeyStore keys, IEmploymentNetworkRepository networks, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var typed = form["credential"].ToString().Trim();
        if (!StaffCredential.TryParse(typed, out var credential))
        {
            return Form(http, "That is not a staff credential: it starts with tfs_ and is the whole line the operator gave you.");
        }

        // One answer for every failure, so the page does not tell a guesser which part was right.
        var record = await keys.FindAsync(credential.KeyId, ct);
        var staffId = record is null ? null : StaffCredential.StaffIdOf(record.Name);
        if (record is null || staffId is null || record.RevokedAt is not null || !credential.Matches(record.SecretHash)
            || !(await networks.ListStaffAsync(record.EnPid, ct)).Any(s => s.StaffId == staffId))
        {
            return Form(http, "That staff credential is not valid (it may have been revoked). Ask your operator for a new one.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(CallerClaims.EnPid, record.EnPid),
                new Claim(CallerClaims.Name, StaffClaims.CallerName(staffId)),
                new Claim(StaffClaims.StaffId, staffId),
                new Claim(StaffClaims.CredentialId, record.KeyId),
            ],
            WebServiceCollectionExtensions.CookieScheme, CallerClaims.Name, null);
        await http.SignInAsync(WebServiceCollectionExtensions.CookieScheme, new ClaimsPrincipal(identity));
        var returnUrl = form["returnUrl"].ToString();

        // Only a path on this site's page, never another site (an open redirect).
        var home = WebPage.Base(http) + "/";
        return Results.Redirect(returnUrl.StartsWith(WebPage.Base(http) + "/", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal) ? returnUrl : home);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAuthenticationSchemeProvider schemes)
    {
        // Behind Easy Auth the platform holds the session: its own sign-out ends it.
        if (await schemes.GetSchemeAsync(WebServiceCollectionExtensions.CookieScheme) is null)
        {
            return Results.Redirect(EasyAuthHandler.LogoutPath);
        }

        await http.SignOutAsync(WebServiceCollectionExtensions.CookieScheme);
        return Results.Redirect(WebPage.Base(http) + WebPage.SignInPath);
    }

    private static IResult Form(HttpContext http, string? error)
    {
        var returnUrl = http.Request.Query["ReturnUrl"].ToString();
        if (http.Request.HasFormContentType)
        {
            returnUrl = http.Request.Form["returnUrl"].ToString();
        }

        var errorHtml = error is null ? string.Empty
            : $"<div class=\"error-summary\" role=\"alert\" id=\"error-summary\"><h2>You are not signed in</h2><p id=\"e-credential\">{E(error)}</p></div>";
        var main = $"""
            {errorHtml}
            <p>Sign in with the staff credential your operator created for you (the first start of the server prints one).</p>
            <form method="post" action="{WebPage.Base(http)}{WebPage.SignInPath}">
            {WebPage.Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
            <div class="field{(error is null ? "" : " invalid")}">
            <label for="f-credential">Staff credential</label>
            <input id="f-credential" name="credential" type="password" autocomplete="current-password" required{(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"e-credential\"")}>
            </div>
            <button type="submit">Sign in</button>
            </form>
            """;
        return WebPage.Render(http, "Sign in", main, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
