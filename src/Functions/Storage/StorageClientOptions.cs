using Azure.Core;

namespace TicketFlow.Functions.Storage;

/// <summary>
/// Options for the Table and Blob clients: Azure.Core's retry, logging and transport settings (inherited) plus the
/// clock used to date requests. Retries use the Azure.Core retry policy: exponential back-off on 408, 429, 500,
/// 502, 503, 504 and network failures.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Creates options with the storage defaults: 5 retries, exponential, starting at 0.8 s, capped at 60 s.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = Azure.Core.RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromMinutes(1);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextPartitionKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextRowKey");
        Diagnostics.LoggedQueryParameters.Add("comp");
        Diagnostics.LoggedQueryParameters.Add("restype");
    }

    /// <summary>The clock that dates signed requests (x-ms-date). Tests may pass a virtual one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
