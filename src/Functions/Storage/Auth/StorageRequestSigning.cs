using System.Globalization;
using System.Text;
using System.Web;
using Azure.Core;

namespace TicketFlow.Functions.Storage.Auth;

/// <summary>
/// Builds the canonical strings that the Azure Storage Shared Key scheme signs
/// (learn.microsoft.com "Authorize with Shared Key"). Kept apart from the pipeline policies so tests can check
/// them against vectors computed independently.
/// </summary>
internal static class StorageRequestSigning
{
    /// <summary>
    /// Blob service, Shared Key: VERB, the eleven standard headers, the canonicalized x-ms- headers and the
    /// canonicalized resource (path plus every query parameter).
    /// </summary>
    public static string BlobStringToSign(Request request, string accountName)
    {
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty; // Since version 2015-02-21 a zero length is signed as an empty string.
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-Encoding")).Append('\n');
        sb.Append(Header(request, "Content-Language")).Append('\n');
        sb.Append(contentLength).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append(string.Empty).Append('\n'); // Date: x-ms-date is used instead and signed with the x-ms- headers.
        sb.Append(Header(request, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request, "If-Match")).Append('\n');
        sb.Append(Header(request, "If-None-Match")).Append('\n');
        sb.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(sb, request);
        AppendBlobCanonicalizedResource(sb, request.Uri.ToUri(), accountName);
        return sb.ToString();
    }

    /// <summary>
    /// Table service, Shared Key: VERB, Content-MD5, Content-Type, the x-ms-date value and the canonicalized
    /// resource (path plus only the comp parameter).
    /// </summary>
    public static string TableStringToSign(Request request, string accountName)
    {
        var uri = request.Uri.ToUri();
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append(Header(request, "x-ms-date")).Append('\n');
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var comp = HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            sb.Append("?comp=").Append(comp);
        }

        return sb.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder sb, Request request)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendBlobCanonicalizedResource(StringBuilder sb, Uri uri, string accountName)
    {
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(uri.Query);
        var names = query.AllKeys
            .Where(k => k is not null)
            .Select(k => k!)
            .OrderBy(k => k.ToLowerInvariant(), StringComparer.Ordinal);
        foreach (var name in names)
        {
            var values = query.GetValues(name) ?? [];
            Array.Sort(values, StringComparer.Ordinal);
            sb.Append('\n').Append(name.ToLowerInvariant()).Append(':').Append(string.Join(',', values));
        }
    }
}
