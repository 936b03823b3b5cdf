using System.Text.Json.Nodes;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// Staff sign-in in Azure (modules/signin.bicep): the Function App's built-in authentication with the Microsoft
/// provider exists only when azd is given an app registration's client ID, and never requires a session of API
/// callers; the app is told whether it runs behind it. Proven on what a deployment would create (bicep snapshot).
/// </summary>
public sealed class SignInTests(SignInTests.Deployments deployments) : IClassFixture<SignInTests.Deployments>
{
    private const string ClientId = "5a1c0de5-0000-4000-8000-000000000001";
    private const string SignInTenant = "7e4a0000-0000-4000-8000-000000000002";
    private const string Staff = "casey.diaz@en.example=P00001/s1;jo.lee@en.example=P00001/s2";
    private const string SecretSetting = "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET";

    [Fact]
    public void Without_a_client_id_there_is_no_built_in_authentication_and_the_app_does_not_read_its_header()
    {
        var off = deployments.Off;
        Assert.Empty(off.OfType("Microsoft.Web/sites/config", "authsettingsV2"));
        Assert.Equal("false", off.AppSettings["Web__EasyAuth__Enabled"]!.GetValue<string>());
        Assert.False(off.AppSettings.ContainsKey(SecretSetting));
    }

    [Fact]
    public void With_a_client_id_the_microsoft_provider_signs_staff_in_and_anonymous_requests_reach_the_app()
    {
        var on = deployments.On;
        var auth = Assert.Single(on.OfType("Microsoft.Web/sites/config", "authsettingsV2"))["properties"]!;
        Assert.True(auth["platform"]!["enabled"]!.GetValue<bool>());

        // API keys and bearer tokens are the app's to check: the platform must let requests without a session through.
        Assert.False(auth["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", auth["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());

        var microsoft = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(microsoft["enabled"]!.GetValue<bool>());
        Assert.Equal(ClientId, microsoft["registration"]!["clientId"]!.GetValue<string>());
        AssertIssuerOf(SignInTenant, microsoft["registration"]!["openIdIssuer"]!.GetValue<string>());
        Assert.Equal(SecretSetting, microsoft["registration"]!["clientSecretSettingName"]!.GetValue<string>());

        // Bearer tokens for the API's own audience pass the platform's check on their way to the app's.
        var audiences = microsoft["validation"]!["allowedAudiences"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("api://ticketflow", audiences);
        Assert.Contains(ClientId, audiences);
        Assert.False(auth["login"]!["tokenStore"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void With_a_client_id_the_app_runs_behind_it_with_the_staff_map_and_the_secret_from_key_vault()
    {
        var settings = deployments.On.AppSettings;
        Assert.Equal("true", settings["Web__EasyAuth__Enabled"]!.GetValue<string>());
        Assert.Equal(Staff, settings["Web__EasyAuth__Staff"]!.GetValue<string>());
        var reference = settings[SecretSetting]!.GetValue<string>();
        Assert.StartsWith("@Microsoft.KeyVault(VaultName=kv-", reference, StringComparison.Ordinal);
        Assert.EndsWith(";SecretName=EasyAuthClientSecret)", reference, StringComparison.Ordinal);
        Assert.Single(deployments.On.OfType("Microsoft.KeyVault/vaults/secrets", "EasyAuthClientSecret"));
    }

    [Fact]
    public void The_sign_in_tenant_is_the_subscriptions_unless_one_is_given()
    {
        var microsoft = Assert.Single(deployments.SubscriptionTenant.OfType("Microsoft.Web/sites/config", "authsettingsV2"))["properties"]!["identityProviders"]!["azureActiveDirectory"]!;
        AssertIssuerOf(TemplateSnapshot.TenantId, microsoft["registration"]!["openIdIssuer"]!.GetValue<string>());
    }

    /// <summary>
    /// The issuer is the cloud's sign-in endpoint, the tenant and v2.0; the snapshot leaves environment() to Azure, so
    /// the value is either that expression with the tenant or, evaluated, the public cloud's address.
    /// </summary>
    private static void AssertIssuerOf(string tenant, string issuer)
    {
        string[] forms =
        [
            $"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{tenant}')]",
            $"https://login.microsoftonline.com/{tenant}/v2.0",
        ];
        Assert.Contains(issuer, forms);
    }

    /// <summary>The deployments the tests look at, snapshotted side by side once for the class.</summary>
    public sealed class Deployments : IAsyncLifetime
    {
        public TemplateSnapshot Off { get; private set; } = null!;

        public TemplateSnapshot On { get; private set; } = null!;

        public TemplateSnapshot SubscriptionTenant { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var off = TemplateSnapshot.OfMainAsync(new Dictionary<string, string>());
            var on = TemplateSnapshot.OfMainAsync(new Dictionary<string, string>
            {
                ["easyAuthClientId"] = ClientId,
                ["easyAuthTenantId"] = SignInTenant,
                ["easyAuthStaff"] = Staff,
                ["entraIdAudience"] = "api://ticketflow",
            });
            var subscriptionTenant = TemplateSnapshot.OfMainAsync(new Dictionary<string, string> { ["easyAuthClientId"] = ClientId });
            (Off, On, SubscriptionTenant) = (await off, await on, await subscriptionTenant);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
