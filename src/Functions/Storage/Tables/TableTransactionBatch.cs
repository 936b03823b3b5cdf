using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// Writes an entity group transaction as the multipart/mixed $batch body (one changeset) and reads the response
/// (learn.microsoft.com "Performing entity group transactions").
/// </summary>
internal static partial class TableTransactionBatch
{
    /// <summary>The most operations one transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>The largest $batch payload the service accepts (4 MiB).</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static (byte[] Body, string ContentType) Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions)
    {
        Validate(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));

        Write($"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (method, uri, json, ifMatch) = Describe(tableUri, action);
            Write($"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            Write($"{method} {uri.AbsoluteUri} HTTP/1.1\r\n");
            Write("Accept: application/json;odata=minimalmetadata\r\n");
            Write("DataServiceVersion: 3.0\r\n");
            Write(string.Create(CultureInfo.InvariantCulture, $"Content-ID: {i + 1}\r\n"));
            if (ifMatch is not null)
            {
                Write($"If-Match: {ifMatch}\r\n");
            }

            if (json is not null)
            {
                Write("Content-Type: application/json\r\nPrefer: return-no-content\r\n");
                Write(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {json.Length}\r\n\r\n"));
                body.Write(json);
                Write("\r\n");
            }
            else
            {
                Write("\r\n");
            }
        }

        Write($"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        var bytes = body.ToArray();
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The transaction is {bytes.Length:N0} bytes; Azure Table Storage allows at most {MaxPayloadBytes:N0} (4 MiB). Split it."),
                nameof(actions));
        }

        return (bytes, $"multipart/mixed; boundary={batchBoundary}");
    }

    /// <summary>Parses the sub-responses; throws <see cref="TableTransactionFailedException"/> if any failed.</summary>
    public static IReadOnlyList<Response> Parse(Response response, int actionCount)
    {
        var text = response.Content.ToString();
        var results = new List<Response>();
        foreach (Match match in SubResponsePattern().Matches(text))
        {
            var status = int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture);
            var headers = new List<HttpHeader>();
            foreach (var line in match.Groups["headers"].Value.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new HttpHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
            }

            var body = match.Groups["body"].Value.TrimEnd('\r', '\n');
            var sub = new TransactionSubResponse(status, match.Groups["reason"].Value, headers, Encoding.UTF8.GetBytes(body));
            if (status >= 400)
            {
                throw Failure(sub, body, actionCount);
            }

            results.Add(sub);
        }

        if (results.Count != actionCount)
        {
            throw new RequestFailedException(
                response.Status,
                $"The transaction response held {results.Count} results for {actionCount} actions.",
                "UnexpectedBatchResponse",
                null);
        }

        return results;
    }

    private static TableTransactionFailedException Failure(TransactionSubResponse sub, string body, int actionCount)
    {
        string? code = null;
        var message = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("odata.error", out var error))
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() ?? body : m.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep the raw text as the message.
        }

        // The service prefixes the message with the failing action's index ("99:The specified entity already exists.").
        int? index = null;
        var prefix = IndexPrefixPattern().Match(message);
        if (prefix.Success && int.TryParse(prefix.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) && parsed < actionCount)
        {
            index = parsed;
        }
        else if (sub.Headers.TryGetValue("Content-ID", out var contentId)
            && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= actionCount)
        {
            index = id - 1;
        }

        return new TableTransactionFailedException(
            sub.Status,
            $"The table transaction was refused; none of its {actionCount} actions was applied" +
            (index is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (action {index} failed)")) +
            $": {sub.Status} {code} {message}",
            code,
            index);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A table transaction holds 1 to {MaxActions} actions; this one has {actions.Count}."),
                nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action.Entity);
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions of a table transaction must share one partition key; found '{partitionKey}' and '{action.Entity.PartitionKey}'.",
                    nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A table transaction may touch row '{action.Entity.RowKey}' only once.", nameof(actions));
            }
        }
    }

    private static (string Method, Uri Uri, byte[]? Json, string? IfMatch) Describe(Uri tableUri, TableTransactionAction action)
    {
        var entity = action.Entity;
        TableKeys.Validate(entity.PartitionKey, "PartitionKey");
        TableKeys.Validate(entity.RowKey, "RowKey");
        var entityUri = TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey);
        var ifMatch = action.ETag == default ? "*" : action.ETag.ToString("H");
        return action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", tableUri, TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, TableEntityJson.Serialize(entity), ifMatch),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, TableEntityJson.Serialize(entity), ifMatch),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, TableEntityJson.Serialize(entity), null),
            TableTransactionActionType.Delete => ("DELETE", entityUri, null, ifMatch),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };
    }

    [GeneratedRegex(@"HTTP/1\.1 (?<status>\d{3}) ?(?<reason>[^\r\n]*)\r\n(?<headers>(?:[^\r\n]+\r\n)*)\r\n(?<body>.*?)(?=\r?\n?--)", RegexOptions.Singleline)]
    private static partial Regex SubResponsePattern();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefixPattern();
}
