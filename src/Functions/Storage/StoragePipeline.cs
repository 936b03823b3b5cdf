using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage;

/// <summary>
/// The Azure.Core pipeline one storage client sends through: retries, logging, the authentication policy for
/// the chosen mode and the service version header.
/// </summary>
internal sealed class StoragePipeline
{
    /// <summary>The Entra ID scope for both the Blob and the Table service.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private StoragePipeline(HttpPipeline pipeline) => Pipeline = pipeline;

    public HttpPipeline Pipeline { get; }

    public static StoragePipeline Create(
        StorageService service,
        string version,
        StorageSharedKeyCredential? sharedKey,
        TokenCredential? token,
        StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        HttpPipelinePolicy auth = sharedKey is not null
            ? new StorageSharedKeyPolicy(sharedKey, service, options.TimeProvider)
            : new BearerTokenAuthenticationPolicy(token ?? throw new ArgumentNullException(nameof(token)), StorageScope);
        var pipeline = HttpPipelineBuilder.Build(options, perRetryPolicies: [new VersionPolicy(version, options.TimeProvider), auth]);
        return new StoragePipeline(pipeline);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> for any error status.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.IsError)
        {
            throw StorageErrorParser.Exception(message.Response);
        }

        return message.Response;
    }

    /// <summary>Adds x-ms-version and the request date (the Shared Key policy signs the same value).</summary>
    private sealed class VersionPolicy(string version, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Headers.SetValue("x-ms-version", version);
            message.Request.Headers.SetValue(
                "x-ms-date",
                timeProvider.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
