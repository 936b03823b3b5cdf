using System.Text.Json.Nodes;

namespace TicketFlow.Functions.Tests.Hosts;

/// <summary>What a function wrote: status, headers, body, and each Set-Cookie header on its own (joined, their dates' commas would be ambiguous).</summary>
public sealed record FunctionResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyList<string> SetCookies)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? ContentType => Headers.TryGetValue("Content-Type", out var type) ? type : null;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
