using System.Text.Json.Nodes;

namespace TicketFlow.Functions.Tests.Hosts;

/// <summary>What a function wrote: status, headers and body.</summary>
public sealed record FunctionResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? ContentType => Headers.TryGetValue("Content-Type", out var type) ? type : null;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
