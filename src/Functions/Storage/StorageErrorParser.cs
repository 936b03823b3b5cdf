using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TicketFlow.Functions.Storage;

/// <summary>
/// Reads the storage services' error code and message: the x-ms-error-code header, the Table service's
/// {"odata.error":{"code","message":{"value"}}} body or the Blob service's &lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt; body.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public static RequestFailedException Exception(Response response) => new(response, null, Instance);

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        var text = response.ContentStream is null ? string.Empty : response.Content.ToString();
        try
        {
            if (text.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("odata.error", out var odata) || doc.RootElement.TryGetProperty("error", out odata))
                {
                    code ??= odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                    if (odata.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }
                }
            }
            else if (text.Contains("<Error", StringComparison.Ordinal))
            {
                var root = XDocument.Parse(text.TrimStart('\uFEFF')).Root;
                code ??= root?.Element("Code")?.Value;
                message = root?.Element("Message")?.Value;
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            // An unparseable body: keep whatever the header said.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }
}
