namespace TicketFlow.Api;

/// <summary>One part of a multipart/form-data body.</summary>
/// <param name="Name">The part's name.</param>
/// <param name="Description">What it holds.</param>
/// <param name="IsFile">Whether it is a file (binary) rather than a text field.</param>
/// <param name="Required">Whether the endpoint needs it.</param>
internal sealed record MultipartPart(string Name, string Description, bool IsFile, bool Required);
