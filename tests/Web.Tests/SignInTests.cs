using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketFlow.Api.Web;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Web.Tests;

/// <summary>
/// Staff credentials from the operator endpoint, their revocation, and Easy Auth: its header trusted only when
/// configured, a visitor without its session sent to sign in, a signed-in user who is not staff told why.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task A_credential_from_the_operator_endpoint_signs_in_and_revoking_it_ends_the_session()
    {
        using var admin = web.Host.Client(web.AdministratorKey);
        using var created = await admin.PostAsync("/api/v1/admin/employment-networks/P00001/staff/s1/credentials", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var credential = body.GetProperty("credential").GetString()!;
        var keyId = body.GetProperty("keyId").GetString()!;

        // A staff credential is not an API key, whichever way it is written.
        using (var asKey = web.Host.Client("tf_" + credential["tfs_".Length..]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await asKey.GetAsync("/api/v1/deadlines")).StatusCode);
        }

        var page = await web.SignedInPageAsync(credential);
        Assert.Equal("This week", await page.Locator("h1").InnerTextAsync());

        using var revoked = await admin.DeleteAsync($"/api/v1/admin/employment-networks/P00001/keys/{keyId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await page.GotoAsync(web.Url("/"));
        Assert.Contains("/api/web/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_for_someone_not_on_the_ENs_staff_is_not_created()
    {
        using var admin = web.Host.Client(web.AdministratorKey);
        using var answer = await admin.PostAsync("/api/v1/admin/employment-networks/P00001/staff/nobody/credentials", null);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        using var asStaff = web.Host.Client(web.Host.FirstEnKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await asStaff.PostAsync("/api/v1/admin/employment-networks/P00001/staff/s1/credentials", null)).StatusCode);
    }

    [Fact]
    public async Task Easy_Auths_header_is_ignored_unless_the_host_is_configured_to_run_behind_it()
    {
        var header = Principal("casey.diaz@en.example");
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.Host.BaseAddress };
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/web/");
        forged.Headers.Add("X-MS-CLIENT-PRINCIPAL", header);
        using var ignored = await plain.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Redirect, ignored.StatusCode);
        Assert.Equal("/api/web/sign-in", new Uri(web.Host.BaseAddress, ignored.Headers.Location!).AbsolutePath);

        await using var behind = await BehindEasyAuthAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = behind.BaseAddress };
        using var mapped = await SendAsync(client, HttpMethod.Get, "/api/web/", header);
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Contains("Signed in as s1, EN P00001", await mapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_Easy_Auth_a_visitor_without_its_session_is_sent_to_sign_in_and_back_to_the_page()
    {
        await using var behind = await BehindEasyAuthAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = behind.BaseAddress };

        using var page = await SendAsync(client, HttpMethod.Get, "/api/web/calendar?month=2026-12", principal: null);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fweb%2Fcalendar%3Fmonth%3D2026-12", page.Headers.Location!.OriginalString);

        // A form posted without a session has lost its content: after signing in the user starts from the home page.
        using var form = await SendAsync(client, HttpMethod.Post, "/api/web/disputes", principal: null);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fweb%2F", form.Headers.Location!.OriginalString);

        // The API's own callers are not sent anywhere: no key is 401, as without Easy Auth.
        using var api = await client.GetAsync("/api/v1/deadlines");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Behind_Easy_Auth_a_signed_in_user_who_is_not_staff_is_told_who_they_are_and_what_the_operator_must_do()
    {
        await using var behind = await BehindEasyAuthAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = behind.BaseAddress };

        using var stranger = await SendAsync(client, HttpMethod.Get, "/api/web/", Principal("stranger@elsewhere.example"));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var html = await stranger.Content.ReadAsStringAsync();
        Assert.Contains("signed in with Microsoft Entra ID as <strong>stranger@elsewhere.example</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Ask your operator to add it to the setting <code>Web:EasyAuth:Staff</code>", html, StringComparison.Ordinal);
        Assert.Contains("/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fweb%2F", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", html, StringComparison.Ordinal);

        // Mapped, but to a staff member the EN does not have: the entry, not the account, is what to fix.
        using var ghost = await SendAsync(client, HttpMethod.Get, "/api/web/", Principal("ghost@en.example"));
        Assert.Equal(HttpStatusCode.Forbidden, ghost.StatusCode);
        Assert.Contains("mapped to staff member <strong>s9</strong> of EN <strong>P00001</strong>, who is not on that EN's staff", await ghost.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unreadable = await SendAsync(client, HttpMethod.Get, "/api/web/", "not base64 json");
        Assert.Equal(HttpStatusCode.Forbidden, unreadable.StatusCode);
        Assert.Contains("could not read which account", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page as a browser shows it: accessible, and saved with the other pages' screenshots.
        var browserPage = await web.NewPageAsync();
        await browserPage.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = Principal("stranger@elsewhere.example") });
        var answer = await browserPage.GotoAsync(new Uri(behind.BaseAddress, "/api/web/").ToString());
        Assert.Equal(403, answer!.Status);
        Assert.Equal("Not on an EN's staff", await browserPage.Locator("h1").InnerTextAsync());
        await WebFixture.CheckPageAsync(browserPage, "easy-auth-not-staff");
        await browserPage.CloseAsync();
    }

    [Fact]
    public async Task A_form_on_the_page_is_posted_with_the_pages_origin_as_Easy_Auths_cross_site_check_requires()
    {
        // Easy Auth refuses a post with a session cookie whose Origin is missing or foreign; "Origin: null" is what a
        // browser sends under Referrer-Policy no-referrer.
        var page = await web.SignedInPageAsync();
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Method == "POST");
        var origin = web.Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(origin, await request.HeaderValueAsync("origin"));
    }

    [Fact]
    public async Task A_session_and_a_form_from_one_instance_are_accepted_by_another_on_the_same_storage()
    {
        // Two instances of the host, as a scaled-out Function App has: same tables and documents container.
        var prefix = TicketFlow.Testing.Fixtures.AzuriteFixture.UniqueName("inst");
        var container = TicketFlow.Testing.Fixtures.AzuriteFixture.UniqueName("docs");
        string[] shared = [$"--Storage:Records:TablePrefix={prefix}", $"--Storage:DocumentsContainerName={container}"];
        await using var first = await ApiHost.StartAsync(web.Azurite, shared);
        await using var second = await ApiHost.StartBesideAsync(first, web.Azurite, shared);
        var credential = (await StaffCredentials.CreateAsync("P00001", "s1", first.App.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None)).Value;

        // Signed in on the first; the cookies go to the second (the same site, another instance behind it).
        var cookies = new CookieContainer();
        using var onFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = first.BaseAddress };
        var form = await onFirst.GetStringAsync("/api/web/sign-in");
        using var signedIn = await onFirst.PostAsync("/api/web/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebPage.AntiforgeryField] = Token(form),
            ["credential"] = credential,
        }));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        foreach (System.Net.Cookie cookie in cookies.GetCookies(first.BaseAddress))
        {
            cookies.Add(second.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        using var onSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = second.BaseAddress };
        using var week = await onSecond.GetAsync("/api/web/");
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);

        // A form the first served is accepted by the second: its antiforgery token is readable there.
        var signOut = await onFirst.GetStringAsync("/api/web/");
        using var posted = await onSecond.PostAsync("/api/web/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebPage.AntiforgeryField] = Token(signOut),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("/api/web/sign-in", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Both instances here share a file system too (the user's default key folder); machines do not. The key ring
        // is in the storage they share.
        var keys = second.App.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(container)
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, TicketFlow.Api.Web.SignIn.BlobKeyRepository.Folder, CancellationToken.None);
        Assert.NotEmpty(await keys.ToListAsync());
    }

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"{WebPage.AntiforgeryField}\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_signed_in_staff_member_is_rate_limited_as_themself_not_as_an_anonymous_address()
    {
        // Four anonymous requests a window: the sign-in post uses one (the form is public); every page after it is signed in.
        await using var host = await ApiHost.StartAsync(web.Azurite, "--Api:Security:AnonymousRequestsPerWindow=4", "--Api:Security:RateWindow=01:00:00");
        var credential = (await StaffCredentials.CreateAsync("P00001", "s1", host.App.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None)).Value;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        var form = await browser.GetStringAsync("/api/web/sign-in");
        using var signedIn = await browser.PostAsync("/api/web/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebPage.AntiforgeryField] = Token(form),
            ["credential"] = credential,
        }));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.EndsWith("/api/web/", signedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/web/", "/api/web/site.css", "/api/web/calendar", "/api/web/compliance", "/api/web/", "/api/web/site.css" })
        {
            using var response = await browser.GetAsync(path);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
    }

    [Fact]
    public async Task The_sign_in_form_and_stylesheet_do_not_use_up_an_addresss_sign_in_attempts_but_wrong_credentials_do()
    {
        // Staff of one office share one address: reading the form is not an attempt; posting a credential is.
        await using var host = await ApiHost.StartAsync(web.Azurite, "--Api:Security:AnonymousRequestsPerWindow=3", "--Api:Security:RateWindow=01:00:00");
        var credential = (await StaffCredentials.CreateAsync("P00001", "s1", host.App.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None)).Value;
        using var staff = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var guesser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var reads = new List<HttpStatusCode>();
        var form = string.Empty;
        for (var i = 0; i < 10; i++)
        {
            using var page = await staff.GetAsync("/api/web/sign-in");
            using var css = await staff.GetAsync("/api/web/site.css");
            form = await page.Content.ReadAsStringAsync();
            reads.AddRange([page.StatusCode, css.StatusCode]);
        }

        var attempts = new List<HttpStatusCode> { await PostSignInAsync(staff, form, credential) };
        var guessersForm = await guesser.GetStringAsync("/api/web/sign-in");
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await PostSignInAsync(guesser, guessersForm, "tfs_0123456789abcdef_wrong"));
        }

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], attempts);
    }

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient client, string form, string credential)
    {
        using var posted = await client.PostAsync("/api/web/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebPage.AntiforgeryField] = Token(form),
            ["credential"] = credential,
        }));
        return posted.StatusCode;
    }

    /// <summary>A host configured to run behind Easy Auth, with casey mapped to staff member s1 and ghost to one P00001 does not have.</summary>
    private Task<ApiHost> BehindEasyAuthAsync() =>
        ApiHost.StartAsync(web.Azurite, "--Web:EasyAuth:Enabled=true", "--Web:EasyAuth:Staff=casey.diaz@en.example=P00001/s1;ghost@en.example=P00001/s9");

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? principal)
    {
        using var request = new HttpRequestMessage(method, path);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }

        return await client.SendAsync(request);
    }

    /// <summary>The header as App Service's authentication sends it: base64 of the user's claims.</summary>
    private static string Principal(string upn) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"name","val":"Casey"},{"typ":"preferred_username","val":"{{upn}}"}],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}"""));
}
