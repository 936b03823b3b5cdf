namespace TicketFlow.Infra.Tests;

/// <summary>
/// The Function App's settings in infra/ name exactly what the app binds: nothing misspelt or stale, nothing the app
/// binds forgotten, unless it is left out below for a reason.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(CompiledTemplate compiled)
{
    /// <summary>The Functions host's own settings (identity-based storage), not TicketFlow's.</summary>
    private const string HostStoragePrefix = "AzureWebJobsStorage__";

    /// <summary>Settings the app binds that a deployment to Azure must not, or need not, set.</summary>
    public static TheoryData<string, string> LeftOut { get; } = new()
    {
        { "Storage__ConnectionString", "shared-key access is off on the storage account; the app uses its managed identity" },
        { "Storage__AccountKey", "shared-key access is off on the storage account; the app uses its managed identity" },
        { "Storage__AzuriteBlobPort", "Azurite is the local emulator; StartAzuriteWhenNotConfigured is false in Azure" },
        { "Storage__AzuriteTablePort", "Azurite is the local emulator; StartAzuriteWhenNotConfigured is false in Azure" },
        { "Storage__RepositoryRoot", "the checkout holding the local emulator (node_modules/azurite); StartAzuriteWhenNotConfigured is false in Azure" },
        { "Storage__DataFolder", "the local data folder (Azurite's files, the outbox); nothing in Azure is kept on the instance's disk" },
        { "Storage__SdkRequestLogging", "a diagnostics switch, off by default; an operator sets it on the app when chasing a storage problem" },
        { "Email__OutboxFolder", "the .eml outbox is for local runs; Email__Provider is SendGrid in Azure" },
        { "Web__SessionLifetime", "the default (8 hours) is meant; an operator may shorten the cookie session" },
    };

    [Fact]
    public void Every_TicketFlow_setting_in_the_template_is_one_the_app_binds()
    {
        var unknown = InTemplate().Where(name => !BoundSettings.All.Contains(name)).Order().ToList();
        Assert.True(unknown.Count == 0, "infra/ sets settings the app does not bind (misspelt or stale): " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_setting_the_app_binds_is_in_the_template_or_left_out_for_a_reason()
    {
        var leftOut = LeftOut.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var inTemplate = InTemplate();
        var forgotten = BoundSettings.All.Where(name => !inTemplate.Contains(name) && !leftOut.Contains(name)).Order().ToList();
        Assert.True(forgotten.Count == 0, "the app binds settings infra/ neither sets nor leaves out with a reason: " + string.Join(", ", forgotten));
    }

    [Theory]
    [MemberData(nameof(LeftOut))]
    public void A_setting_left_out_is_one_the_app_binds_and_the_template_does_not_set(string name, string reason)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Contains(name, BoundSettings.All);
        Assert.DoesNotContain(name, InTemplate());
    }

    [Fact]
    public void The_template_names_the_app_settings_it_should()
    {
        // Guards the reading itself: a template whose settings the scan could not see would pass the tests above.
        var names = InTemplate();
        Assert.Contains("Storage__TableEndpoint", names);
        Assert.Contains("Email__SendGrid__ApiKey", names);
        Assert.Contains("Email__SendGrid__ApiKey", BoundSettings.All);
        Assert.Contains("Api__EntraId__Clients__{0}", BoundSettings.All);
        Assert.Contains("Api__EntraId__Clients__{0}", names);
        Assert.Contains("Reminders__DisputeDaysBefore__{0}", names);
        Assert.Contains("Rulebook__TimeZoneId", names);
        Assert.Contains("Web__EasyAuth__Enabled", names);
    }

    [Fact]
    public void The_core_tools_example_sets_only_settings_the_app_or_the_host_reads()
    {
        var values = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Functions", "local.settings.json.example")))!["Values"]!.AsObject();
        string[] host = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"];
        var unknown = values.Select(v => v.Key).Where(name => !host.Contains(name) && !BoundSettings.All.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "local.settings.json.example sets what nothing reads: " + string.Join(", ", unknown));
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]!.GetValue<string>());
    }

    private HashSet<string> InTemplate() =>
        TemplateSettings.Read(compiled.Template ?? throw new InvalidOperationException("main.bicep did not compile:\n" + compiled.Diagnostics))
            .Where(name => !name.StartsWith(HostStoragePrefix, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
}
