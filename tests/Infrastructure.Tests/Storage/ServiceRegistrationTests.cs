using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ServiceRegistrationTests(AzuriteFixture azurite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, ListLoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
            }
        });
        services.AddStorageServices(configuration);
        services.AddEmailServices(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_connection_string_gives_working_clients_documents_and_table_backed_email_logs()
    {
        await using var sp = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString });

        Assert.DoesNotContain(sp.GetServices<IHostedService>(), s => s.GetType().Name == "AzuriteHostedService"); // an account is configured
        var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(AzuriteFixture.UniqueName("di"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var doc = await sp.GetRequiredService<IDocumentStore>().SaveAsync("T-1", DocumentKind.SignedIwp, "d1", new MemoryStream([1]), "application/pdf");
        Assert.Equal(1, doc.Length);
        Assert.IsType<TableSentEmailLog>(sp.GetRequiredService<ISentEmailLog>());
        Assert.IsType<OutboxEmailSender>(sp.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void No_account_registers_the_azurite_hosted_service_on_the_configured_ports()
    {
        using var sp = Build(new() { ["Storage:AzuriteTablePort"] = "12345" });

        Assert.Single(sp.GetServices<IHostedService>(), s => s.GetType().Name == "AzuriteHostedService");
        Assert.Equal(new Uri("http://127.0.0.1:12345/devstoreaccount1"), sp.GetRequiredService<TableServiceClient>().Uri);
    }

    [Theory]
    [InlineData("Storage:TableEndpoint", "https://acct.table.core.windows.net", "Storage:BlobEndpoint")]
    [InlineData("Storage:ConnectionString", "AccountName=x", "AccountKey")]
    [InlineData("Storage:StartAzuriteWhenNotConfigured", "false", "No storage account is configured")]
    public void Incomplete_storage_settings_fail_at_start_with_a_clear_message(string key, string value, string expected)
    {
        using var sp = Build(new() { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendGrid_without_an_api_key_fails_at_start()
    {
        using var sp = Build(new() { ["Email:Provider"] = "SendGrid" });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("Email:SendGrid:ApiKey is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendGrid_with_a_key_is_the_email_sender_and_a_bad_webhook_key_is_refused()
    {
        using var ok = Build(new() { ["Email:Provider"] = "SendGrid", ["Email:SendGrid:ApiKey"] = "SG.x" });
        using var bad = Build(new() { ["Email:SendGrid:WebhookVerificationKey"] = "bm90IGEga2V5" });

        Assert.IsType<SendGridEmailSender>(ok.GetRequiredService<IEmailSender>());
        Assert.Contains("WebhookVerificationKey", Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<EmailOptions>>().Value).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_id_endpoints_resolve_to_bearer_clients()
    {
        using var sp = Build(new()
        {
            ["Storage:TableEndpoint"] = "https://acct.table.core.windows.net",
            ["Storage:BlobEndpoint"] = "https://acct.blob.core.windows.net",
        });

        var account = sp.GetRequiredService<StorageAccount>();

        Assert.Null(account.ConnectionString);
        Assert.Null(account.AccountKey);
        Assert.NotNull(account.Token);
        Assert.Equal("EntraId", account.Authentication);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), sp.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void Endpoints_with_an_account_key_give_shared_key_clients_for_that_account()
    {
        using var sp = Build(new()
        {
            ["Storage:TableEndpoint"] = "https://acct.table.core.windows.net",
            ["Storage:BlobEndpoint"] = "https://acct.blob.core.windows.net",
            ["Storage:Authentication"] = "SharedKey",
            ["Storage:AccountKey"] = Convert.ToBase64String(new byte[64]),
        });

        Assert.Equal("acct", sp.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("acct", sp.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal("SharedKey", sp.GetRequiredService<StorageAccount>().Authentication);
    }

    [Fact]
    public void An_account_key_that_is_not_base64_fails_at_start()
    {
        using var sp = Build(new()
        {
            ["Storage:TableEndpoint"] = "https://acct.table.core.windows.net",
            ["Storage:BlobEndpoint"] = "https://acct.blob.core.windows.net",
            ["Storage:Authentication"] = "SharedKey",
            ["Storage:AccountKey"] = "not a key!",
        });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:AccountKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sdk_request_logging_on_requests_and_error_responses_reach_the_log_under_azure_categories_without_the_signature()
    {
        var logs = new ListLoggerProvider();
        await using var sp = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:SdkRequestLogging"] = "true" }, logs);
        var name = AzuriteFixture.UniqueName("log");
        var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Contains(logs.Lines, l => l.Category.StartsWith("Azure.", StringComparison.Ordinal) && l.Message.Contains(name, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Category.StartsWith("Azure.", StringComparison.Ordinal) && l.Message.Contains("409", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("SharedKey devstoreaccount1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_the_sdks_produce_no_request_events_for_the_host_to_drop()
    {
        var logs = new ListLoggerProvider();
        await using var sp = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString }, logs);
        var name = AzuriteFixture.UniqueName("quiet");
        var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, e.Status); // the caller still learns what failed
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(name, StringComparison.Ordinal));
        Assert.False(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SdkRequestLogging);
    }

    [Fact]
    public void Sdk_request_logging_that_is_not_a_boolean_fails_at_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:SdkRequestLogging"] = "sometimes" }));

        Assert.Contains("Storage:SdkRequestLogging", e.Message, StringComparison.Ordinal);
    }
}
