using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TicketFlow.Functions.Storage.Auth;

/// <summary>
/// Signs every attempt with the Shared Key scheme. Runs per retry so that each attempt carries a fresh x-ms-date
/// (the service refuses requests older than 15 minutes).
/// </summary>
internal sealed class StorageSharedKeyPolicy(StorageSharedKeyCredential credential, StorageService service, TimeProvider timeProvider)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var stringToSign = service == StorageService.Table
            ? StorageRequestSigning.TableStringToSign(request, credential.AccountName)
            : StorageRequestSigning.BlobStringToSign(request, credential.AccountName);
        request.Headers.SetValue(
            "Authorization",
            $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
