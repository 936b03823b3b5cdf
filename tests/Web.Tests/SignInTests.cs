using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
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

    /// <summary>The header as App Service's authentication sends it: base64 of the user's claims.</summary>
    private static string Principal(string upn) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"name","val":"Casey"},{"typ":"preferred_username","val":"{{upn}}"}],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}"""));
}
