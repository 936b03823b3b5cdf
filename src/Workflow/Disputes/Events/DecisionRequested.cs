namespace TicketFlow.Workflow.Disputes.Events;

/// <summary>A party that does not agree with the recommendation asked SSA for a decision (20 CFR 411.435(c)(2)).</summary>
/// <param name="On">The date of the request.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="RequestedBy">The party that asked.</param>
public sealed record DecisionRequested(DateOnly On, string Actor, DisputeParty RequestedBy) : DisputeEvent(On, Actor);
