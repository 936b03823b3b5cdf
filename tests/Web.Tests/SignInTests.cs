using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Web.Tests;

/// <summary>Staff credentials from the operator endpoint, their revocation, and Easy Auth's header trusted only when configured.</summary>
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
        Assert.Equal(HttpStatusCode.Redirect, (await plain.SendAsync(forged)).StatusCode);

        {
            await using var behind = await ApiHost.StartAsync(web.Azurite, "--Web:EasyAuth:Enabled=true", "--Web:EasyAuth:Staff=casey.diaz@en.example=P00001/s1");
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = behind.BaseAddress };
            async Task<HttpResponseMessage> Get(string? principal)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/web/");
                if (principal is not null)
                {
                    request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
                }

                return await client.SendAsync(request);
            }

            using var mapped = await Get(header);
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
            Assert.Contains("Signed in as s1, EN P00001", await mapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await Get(Principal("stranger@elsewhere.example"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Get(null)).StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_in_staff_member_is_rate_limited_as_themself_not_as_an_anonymous_address()
    {
        // Four anonymous requests a window: the sign-in page and its post use two; every page after them is signed in.
        await using var host = await ApiHost.StartAsync(web.Azurite, "--Api:Security:AnonymousRequestsPerWindow=4", "--Api:Security:RateWindow=01:00:00");
        var credential = (await StaffCredentials.CreateAsync("P00001", "s1", host.App.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None)).Value;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        var form = await browser.GetStringAsync("/api/web/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await browser.PostAsync("/api/web/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
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

    /// <summary>The header as App Service's authentication sends it: base64 of the user's claims.</summary>
    private static string Principal(string upn) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"name","val":"Casey"},{"typ":"preferred_username","val":"{{upn}}"}],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}"""));
}
