using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Disputes;

/// <summary>
/// A dispute between an EN and a State VR agency brought to the PM under 20 CFR 411.435(c): only when neither the
/// agreement nor State law or procedures provide a way to resolve it, in writing, with a copy of the agreement, the
/// issues, and both parties' positions.
/// </summary>
/// <param name="EnPid">The EN.</param>
/// <param name="DisputeId">The dispute's id, unique within the EN.</param>
/// <param name="StateVrAgency">The State VR agency's name.</param>
/// <param name="RequestedBy">The party that asked the PM for a recommendation.</param>
/// <param name="NotCoveredByAgreementOrStateProcedures">The requester's statement that 411.435(a) and (b) do not apply.</param>
/// <param name="Issues">The issues in dispute (411.435(c)(1)(ii)).</param>
/// <param name="EnPosition">The EN's position (411.435(c)(1)(iii)).</param>
/// <param name="StateVrAgencyPosition">The State VR agency's position (411.435(c)(1)(iii)).</param>
/// <param name="RequestReceivedOn">The date the PM received the written request: the recommendation clock starts.</param>
/// <param name="AgreementCopy">The copy of the agreement (411.435(c)(1)(i)).</param>
/// <param name="Status">Where the dispute stands.</param>
/// <param name="RecommendationReceivedOn">The date the parties received the PM's recommendation.</param>
/// <param name="Recommendation">The PM's recommendation document, if uploaded.</param>
/// <param name="ClosedOn">The date the dispute closed.</param>
public sealed record Dispute(
    string EnPid,
    string DisputeId,
    string StateVrAgency,
    DisputeParty RequestedBy,
    bool NotCoveredByAgreementOrStateProcedures,
    string Issues,
    string EnPosition,
    string StateVrAgencyPosition,
    DateOnly RequestReceivedOn,
    DocumentReference? AgreementCopy,
    DisputeStatus Status,
    DateOnly? RecommendationReceivedOn,
    DocumentReference? Recommendation,
    DateOnly? ClosedOn);
