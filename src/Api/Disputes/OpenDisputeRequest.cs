using TicketFlow.Workflow.Disputes;

namespace TicketFlow.Api.Disputes;

/// <summary>A written request to the PM to recommend a resolution (20 CFR 411.435(c)(1)); the agreement copy comes as a file.</summary>
/// <param name="DisputeId">The EN's id for the dispute.</param>
/// <param name="StateVrAgency">The State VR agency.</param>
/// <param name="RequestedBy">Which party asked the PM.</param>
/// <param name="NotCoveredByAgreementOrStateProcedures">That neither the agreement nor State procedures provide a way to resolve it.</param>
/// <param name="Issues">The issues in dispute.</param>
/// <param name="EnPosition">The EN's position.</param>
/// <param name="StateVrAgencyPosition">The State VR agency's position.</param>
/// <param name="RequestReceivedOn">The date the PM received the written request.</param>
public sealed record OpenDisputeRequest(
    string DisputeId,
    string StateVrAgency,
    DisputeParty RequestedBy,
    bool NotCoveredByAgreementOrStateProcedures,
    string Issues,
    string EnPosition,
    string StateVrAgencyPosition,
    DateOnly RequestReceivedOn);
