using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TicketFlow.Api.Security;
using TicketFlow.Server.Hosting;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Api;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class EntraIdAuthenticationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private EntraIdStandIn _entra = null!;

    public async Task InitializeAsync() => _entra = await EntraIdStandIn.StartAsync();

    public async Task DisposeAsync() => await _entra.DisposeAsync();

    private static HttpClient Bearer(ApiHost host, string token)
    {
        var client = host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_of_a_mapped_client_application_acts_for_its_en_only_and_is_audited_by_client()
    {
        await using var host = await ApiHost.StartAsync(azurite, _entra.HostSettings());
        using var byKey = host.Client(host.FirstEnKey);
        using var first = Bearer(host, _entra.Token(EntraIdStandIn.FirstEnClient));
        using var second = Bearer(host, _entra.Token(EntraIdStandIn.SecondEnClient));
        using var registeredByKey = await byKey.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"E-1","ticketholder":{"id":"th-e1","name":"Jordan"}}"""));

        using var registeredByToken = await first.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"E-2","ticketholder":{"id":"th-e2","name":"Jordan"}}"""));
        using var own = await first.GetAsync("/api/v1/tickets/E-1");
        using var foreign = await second.GetAsync("/api/v1/tickets/E-1");

        Assert.Equal(HttpStatusCode.Accepted, registeredByToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var timeline = await byKey.GetFromJsonAsync<JsonElement>("/api/v1/tickets/E-2/timeline");
        Assert.Contains(timeline.GetProperty("events").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "register ticket" && e.GetProperty("actor").GetString() == $"entra:{EntraIdStandIn.FirstEnClient}");
    }

    [Fact]
    public async Task A_client_application_mapped_by_its_id_without_dashes_acts_for_its_en()
    {
        // App Service setting names cannot hold '-': Api__EntraId__Clients__<the id's 32 hex digits>.
        var undashed = EntraIdStandIn.FirstEnClient.Replace("-", "", StringComparison.Ordinal);
        await using var host = await ApiHost.StartAsync(azurite,
            [.. _entra.HostSettings().Where(s => !s.Contains(EntraIdStandIn.FirstEnClient, StringComparison.Ordinal)), $"--Api:EntraId:Clients:{undashed}=P00001"]);
        using var first = Bearer(host, _entra.Token(EntraIdStandIn.FirstEnClient));
        using var second = Bearer(host, _entra.Token(EntraIdStandIn.SecondEnClient));

        using var registered = await first.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"E-9","ticketholder":{"id":"th-e9","name":"Jordan"}}"""));
        using var foreign = await second.GetAsync("/api/v1/tickets/E-9");

        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "expired",
        "another audience",
        "another issuer",
        "signed with a key the tenant never published",
        "an unmapped client application",
        "not a token",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_that_fails_any_check_answers_401(string what)
    {
        await using var host = await ApiHost.StartAsync(azurite, _entra.HostSettings());
        var token = what switch
        {
            "expired" => _entra.Token(expiresIn: TimeSpan.FromMinutes(-5)),
            "another audience" => _entra.Token(audience: "api://someone-else"),
            "another issuer" => _entra.Token(issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"),
            "signed with a key the tenant never published" => _entra.Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged" }),
            "an unmapped client application" => _entra.Token(client: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
            _ => "e30.e30.not-a-signature",
        };
        using var client = Bearer(host, token);

        using var response = await client.GetAsync("/api/v1/deadlines");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_rotated_key_is_accepted_after_one_read_of_the_keys()
    {
        await using var host = await ApiHost.StartAsync(azurite, _entra.HostSettings("--Api:EntraId:MinimumKeyRefreshInterval=00:00:01"));
        using (var before = Bearer(host, _entra.Token()))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/deadlines")).StatusCode);
        }

        var reads = _entra.KeyReads;
        var rotated = _entra.Rotate();
        using var after = Bearer(host, _entra.Token(key: rotated));

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/deadlines")).StatusCode);
        Assert.Equal(reads + 1, _entra.KeyReads);
    }

    [Fact]
    public async Task Tokens_with_unknown_keys_read_the_keys_again_at_most_once_per_minimum_interval()
    {
        await using var host = await ApiHost.StartAsync(azurite, _entra.HostSettings("--Api:EntraId:MinimumKeyRefreshInterval=01:00:00"));
        using (var valid = Bearer(host, _entra.Token()))
        {
            Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/v1/deadlines")).StatusCode);
        }

        var reads = _entra.KeyReads;
        for (var i = 0; i < 5; i++)
        {
            using var forged = Bearer(host, _entra.Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"forged-{i}" }));
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/deadlines")).StatusCode);
        }

        // The OpenID configuration manager grants the first request for a refresh after start (it could be a real
        // rotation) and then none until the interval has passed, however many unknown keys arrive.
        Assert.Equal(reads + 1, _entra.KeyReads);
    }

    [Fact]
    public async Task The_administrator_app_role_reaches_the_operator_endpoints_and_an_en_client_does_not()
    {
        await using var host = await ApiHost.StartAsync(azurite, _entra.HostSettings());
        using var operatorClient = Bearer(host, _entra.Token(client: "ops-app", roles: ["TicketFlow.Administrator"]));
        using var enClient = Bearer(host, _entra.Token());

        using var asOperator = await operatorClient.PostAsync("/api/v1/admin/employment-networks/P00002/keys", Json("""{"name":"cms"}"""));
        using var asEn = await enClient.PostAsync("/api/v1/admin/employment-networks/P00002/keys", Json("""{"name":"cms"}"""));

        Assert.Equal(HttpStatusCode.Created, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asEn.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_tenant_a_bearer_token_is_refused_and_api_keys_work()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        using var bearer = Bearer(host, _entra.Token());
        using var byKey = host.Client(host.FirstEnKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byKey.GetAsync("/api/v1/deadlines")).StatusCode);
        Assert.Equal(0, _entra.KeyReads);
    }

    [Theory]
    [InlineData("--Api:EntraId:Audience=", "Audience is required")]
    [InlineData("--Api:EntraId:Instance=http://login.example.com/", "must be an https URI")]
    [InlineData("--Api:EntraId:TenantId=not a tenant", "directory id")]
    public async Task A_misconfigured_tenant_stops_the_host_at_start_with_the_setting_named(string setting, string message)
    {
        var app = TicketFlowHost.Build([.. _entra.HostSettings(setting), "--urls", "http://127.0.0.1:0", $"--Data:Folder={Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("tfentra"))}",
            $"--Storage:ConnectionString={azurite.ConnectionString}"]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Signing_keys_are_read_over_https_unless_the_tenant_is_a_stand_in_on_loopback()
    {
        string[] storage = ["--urls", "http://127.0.0.1:0", $"--Data:Folder={Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("tfentra"))}", $"--Storage:ConnectionString={azurite.ConnectionString}"];
        var real = TicketFlowHost.Build([.. _entra.HostSettings("--Api:EntraId:Instance=https://login.microsoftonline.com/"), .. storage]);
        var standIn = TicketFlowHost.Build([.. _entra.HostSettings(), .. storage]);

        var realBearer = real.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(EntraIdBearer.SchemeName);
        var standInBearer = standIn.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(EntraIdBearer.SchemeName);

        Assert.True(realBearer.RequireHttpsMetadata);
        Assert.Equal($"https://login.microsoftonline.com/{EntraIdStandIn.TenantId}/v2.0/.well-known/openid-configuration", realBearer.MetadataAddress);
        Assert.Equal(TimeSpan.FromMinutes(2), realBearer.TokenValidationParameters.ClockSkew);
        Assert.Equal(["RS256"], realBearer.TokenValidationParameters.ValidAlgorithms);
        Assert.False(standInBearer.RequireHttpsMetadata);
        Assert.StartsWith(_entra.Instance.ToString(), standInBearer.MetadataAddress, StringComparison.Ordinal);
        await real.DisposeAsync();
        await standIn.DisposeAsync();
    }
}
