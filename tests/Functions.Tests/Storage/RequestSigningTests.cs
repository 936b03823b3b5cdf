using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using TicketFlow.Functions.Storage;
using TicketFlow.Functions.Storage.Auth;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

/// <summary>
/// Both authentication modes. Shared Key vectors: the canonicalized resources are the examples in
/// learn.microsoft.com "Authorize with Shared Key"; the expected signatures were computed independently with
/// `openssl dgst -sha256 -mac HMAC` over the string to sign, using the Azurite development key.
/// </summary>
public sealed class RequestSigningTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static (StorageClientOptions Options, RecordingHandler Handler) Recording()
    {
        var handler = new RecordingHandler();
        var options = new StorageClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(handler)),
            TimeProvider = new VirtualTimeProvider(SignedAt),
        };
        options.Retry.MaxRetries = 0;
        return (options, handler);
    }

    private static StorageSharedKeyCredential MyAccount() => new("myaccount", StorageSharedKeyCredential.DevelopmentAccountKey);

    [Fact]
    public async Task Blob_shared_key_signature_matches_the_independently_computed_vector()
    {
        var (options, handler) = Recording();
        var pipeline = StoragePipeline.Create(StorageService.Blob, "2023-11-03", MyAccount(), null, options);
        using var message = pipeline.CreateMessage(
            RequestMethod.Get,
            new Uri("https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs"));

        using (HttpPipeline.CreateClientRequestIdScope("req-1"))
        {
            await pipeline.Pipeline.SendAsync(message, CancellationToken.None);
        }

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Sun, 01 Mar 2026 12:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("SharedKey", request.Headers.Authorization!.Scheme);
        Assert.Equal("myaccount:8m6PLmc8MIHYnfzlg4aG/9MFjlCvxII6qmrvmAGvRJo=", request.Headers.Authorization.Parameter);
    }

    [Fact]
    public void Blob_canonicalized_resource_sorts_parameters_and_joins_repeated_values_as_documented()
    {
        var pipeline = StoragePipeline.Create(StorageService.Blob, "2023-11-03", MyAccount(), null, Recording().Options);
        using var message = pipeline.CreateMessage(
            RequestMethod.Get,
            new Uri("https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs"));

        var stringToSign = StorageRequestSigning.BlobStringToSign(message.Request, "myaccount");

        Assert.EndsWith("\n/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container", stringToSign, StringComparison.Ordinal);
        Assert.StartsWith("GET\n\n\n\n\n\n\n\n\n\n\n\n", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_shared_key_signature_matches_the_independently_computed_vector()
    {
        var (options, handler) = Recording();
        var table = new TableServiceClient(new Uri("https://myaccount.table.core.windows.net"), MyAccount(), options);

        await table.CreateTableIfNotExistsAsync("tickets");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("SharedKey", request.Headers.Authorization!.Scheme);
        Assert.Equal("myaccount:QqSENml7zkM3eohJddfi/Ocge4WYWyIaWRH/dqZqdgo=", request.Headers.Authorization.Parameter);
    }

    [Fact]
    public void Table_canonicalized_resource_keeps_only_the_comp_parameter()
    {
        var pipeline = StoragePipeline.Create(StorageService.Table, "2019-02-02", MyAccount(), null, Recording().Options);
        using var message = pipeline.CreateMessage(RequestMethod.Get, new Uri("https://myaccount.table.core.windows.net/tickets()?$filter=x&comp=acl"));
        message.Request.Headers.SetValue("x-ms-date", "Sun, 01 Mar 2026 12:00:00 GMT");

        var stringToSign = StorageRequestSigning.TableStringToSign(message.Request, "myaccount");

        Assert.Equal("GET\n\n\nSun, 01 Mar 2026 12:00:00 GMT\n/myaccount/tickets()?comp=acl", stringToSign);
    }

    [Fact]
    public async Task A_changed_header_changes_the_signature()
    {
        var (options, handler) = Recording();
        var blob = new BlobServiceClient(new Uri("https://myaccount.blob.core.windows.net"), MyAccount(), options)
            .GetBlobContainerClient("documents").GetBlobClient("a");

        await blob.UploadAsync(new BinaryData([1]), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } });
        await blob.UploadAsync(new BinaryData([1]), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } });

        Assert.NotEqual(handler.Requests[0].Headers.Authorization!.Parameter, handler.Requests[1].Headers.Authorization!.Parameter);
    }

    private sealed class FlakyHandler(params int[] statuses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Calls++, statuses.Length - 1)];
            return Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(string.Empty), RequestMessage = request });
        }
    }

    [Fact]
    public async Task Transient_failures_are_retried_by_the_azure_core_pipeline_and_conflicts_are_not()
    {
        var flaky = new FlakyHandler(503, 500, 204);
        var conflict = new FlakyHandler(412, 204);
        StorageClientOptions Options(HttpMessageHandler handler)
        {
            var o = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
            o.Retry.Delay = TimeSpan.FromMilliseconds(1); // Azure.Core waits in real time; keep it negligible.
            return o;
        }

        var table = new TableClient(new Uri("https://myaccount.table.core.windows.net"), "tickets", MyAccount(), Options(flaky));
        var other = new TableClient(new Uri("https://myaccount.table.core.windows.net"), "tickets", MyAccount(), Options(conflict));

        await table.UpsertEntityAsync(new TableEntity("p", "r"));
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => other.UpdateEntityAsync(new TableEntity("p", "r"), new ETag("W/\"1\"")));

        Assert.Equal(3, flaky.Calls);
        Assert.Equal(412, e.Status);
        Assert.Equal(1, conflict.Calls);
    }

    private sealed class FakeTokenCredential : TokenCredential
    {
        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task Entra_id_mode_attaches_the_bearer_token_for_the_storage_scope_to_table_requests()
    {
        var (options, handler) = Recording();
        var credential = new FakeTokenCredential();
        var table = new TableClient(new Uri("https://myaccount.table.core.windows.net"), "tickets", credential, options);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1 });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("token-123", request.Headers.Authorization.Parameter);
        Assert.Equal(["https://storage.azure.com/.default"], Assert.Single(credential.Scopes));
        Assert.Equal("2019-02-02", request.Headers.GetValues("x-ms-version").Single());
    }

    [Fact]
    public async Task Entra_id_mode_attaches_the_bearer_token_to_blob_requests()
    {
        var (options, handler) = Recording();
        var credential = new FakeTokenCredential();
        var blob = new BlobServiceClient(new Uri("https://myaccount.blob.core.windows.net"), credential, options)
            .GetBlobContainerClient("documents").GetBlobClient("tickets/T1/iwp/D1");

        await blob.GetPropertiesAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("token-123", request.Headers.Authorization.Parameter);
        Assert.Equal(["https://storage.azure.com/.default"], Assert.Single(credential.Scopes));
    }

    [Fact]
    public async Task Entra_id_over_plain_http_is_refused_and_nothing_is_sent()
    {
        var (options, handler) = Recording();
        var blob = new BlobServiceClient(new Uri("http://myaccount.blob.core.windows.net"), new FakeTokenCredential(), options)
            .GetBlobContainerClient("documents").GetBlobClient("x");

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => blob.GetPropertiesAsync());
        Assert.Empty(handler.Requests);
    }
}
