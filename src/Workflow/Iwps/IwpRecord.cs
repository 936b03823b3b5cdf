using System.Text.Json.Serialization;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Iwps;

/// <summary>A signed IWP or amendment as kept for the ticket, with its compliance findings and its document.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="IwpId">The record's id, unique within the ticket.</param>
/// <param name="AmendsIwpId">For an amendment, the IWP it is attached to; null for an original IWP.</param>
/// <param name="EnSignedOn">The date the EN's representative signed.</param>
/// <param name="TicketholderSignedOn">The date the ticketholder signed.</param>
/// <param name="Findings">The compliance findings when it was recorded.</param>
/// <param name="Document">The signed document, once uploaded.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record IwpRecord(
    string EnPid,
    string TicketNumber,
    string IwpId,
    string? AmendsIwpId,
    DateOnly EnSignedOn,
    DateOnly TicketholderSignedOn,
    IReadOnlyList<IwpFinding> Findings,
    DocumentReference? Document,
    DateTimeOffset RecordedAt)
{
    /// <summary>The later signature date: the date both parties had signed.</summary>
    [JsonIgnore]
    public DateOnly SignedOn => EnSignedOn > TicketholderSignedOn ? EnSignedOn : TicketholderSignedOn;
}
