using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using TicketFlow.Api.Web.SignIn;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web;

/// <summary>
/// The page's frame: one server-rendered HTML document with no script, a stylesheet, a skip link, the main navigation
/// and the sign-out form, and headers that keep it out of caches and frames.
/// </summary>
internal static class WebPage
{
    /// <summary>The hidden form field that carries the antiforgery token.</summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The sign-in form's path under <see cref="Base"/>.</summary>
    public const string SignInPath = "/sign-in";

    /// <summary>The stylesheet's path under <see cref="Base"/>.</summary>
    public const string StylesheetPath = "/site.css";

    /// <summary>The page's base path, <c>/{prefix}/web</c>.</summary>
    public static string Base(HttpContext http) => $"/{http.RequestServices.GetRequiredService<HostSettings>().RoutePrefix}/web";

    /// <summary>The antiforgery field for a form on this page (a token bound to the signed-in user).</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A whole page.</summary>
    /// <param name="http">The request.</param>
    /// <param name="title">The page's title and heading.</param>
    /// <param name="main">The main content's HTML (already encoded).</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The result.</returns>
    public static IResult Render(HttpContext http, string title, string main, int status = StatusCodes.Status200OK)
    {
        var b = Base(http);
        var staff = http.User.FindFirst(StaffClaims.StaffId)?.Value;
        var pid = http.User.FindFirst(Security.CallerClaims.EnPid)?.Value;
        var html = new StringBuilder(8192);
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · TicketFlow</title>
            <link rel="stylesheet" href="{{b}}{{StylesheetPath}}">
            <link rel="icon" href="data:,">
            </head>
            <body>
            <a class="skip" href="#main">Skip to main content</a>
            <header class="top">
            <p class="brand">TicketFlow</p>
            """);
        if (staff is not null)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                <nav aria-label="Main">
                <ul>
                <li><a href="{{b}}/">This week</a></li>
                <li><a href="{{b}}/calendar">Calendar</a></li>
                <li><a href="{{b}}/compliance">Contact compliance</a></li>
                <li><a href="{{b}}/disputes">Open a dispute</a></li>
                </ul>
                </nav>
                <form class="sign-out" method="post" action="{{b}}/sign-out">{{Antiforgery(http)}}<span>Signed in as {{E(staff)}}, EN {{E(pid)}}</span> <button type="submit">Sign out</button></form>
                """);
        }

        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>{E(title)}</h1>\n{main}\n</main>\n</body>\n</html>\n");
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        // Same-origin, not no-referrer: under no-referrer a browser posts forms with "Origin: null", which the Function
        // App's built-in authentication refuses as a cross-site request; other sites still learn nothing.
        headers["Referrer-Policy"] = "same-origin";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The not-found page: a ticket of another EN is exactly as missing as one that does not exist.</summary>
    public static IResult NotFound(HttpContext http, string what) =>
        Render(http, "Not found", $"<p>{E(what)}</p><p><a href=\"{Base(http)}/\">Back to this week</a></p>", StatusCodes.Status404NotFound);
}
