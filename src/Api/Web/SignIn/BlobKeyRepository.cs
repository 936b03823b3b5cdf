using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TicketFlow.Api.Web.SignIn;

/// <summary>
/// The data-protection key ring (what the session cookie and the forms' antiforgery tokens are protected with) as
/// blobs in the documents container, so that every instance of a host reads the same keys: on Azure Functions, which
/// scales out and keeps no file system, a token issued by one instance is checked by whichever instance gets the post.
/// The account is reachable only with the app's identity (or Azurite's key), as the documents are.
/// </summary>
/// <param name="container">The documents container.</param>
internal sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    /// <summary>Where the keys are kept: a folder no EN's documents can be in (their folders start with the EN's PID).</summary>
    public const string Folder = "_system/data-protection/";

    // IXmlRepository is synchronous; the key ring is read at start and about once a day, so the SDK's synchronous calls do.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            return [.. container.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Folder, CancellationToken.None).Select(b => XElement.Parse(container.GetBlobClient(b.Name).DownloadContent().Value.Content.ToString()))];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // no container yet: no keys yet
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();

        // A key is written once under its own name (the key's id) and never changed: a second writer fails rather than overwrite.
        container.GetBlobClient($"{Folder}{friendlyName}.xml").Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
    }
}
