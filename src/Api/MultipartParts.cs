namespace TicketFlow.Api;

/// <summary>Endpoint metadata: the parts of the multipart/form-data body an endpoint reads, for its OpenAPI description.</summary>
/// <param name="Parts">The parts, in the order a client sends them.</param>
/// <param name="AlsoJson">Whether the endpoint also takes the first part's JSON alone as an application/json body.</param>
internal sealed record MultipartParts(IReadOnlyList<MultipartPart> Parts, bool AlsoJson = false);
