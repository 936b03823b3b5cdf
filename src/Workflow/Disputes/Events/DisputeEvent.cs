using System.Text.Json.Serialization;

namespace TicketFlow.Workflow.Disputes.Events;

/// <summary>Something that happened in a dispute, reported by the EN.</summary>
/// <param name="On">The date it happened.</param>
/// <param name="Actor">Who reported it.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RecommendationReceived), nameof(RecommendationReceived))]
[JsonDerivedType(typeof(DecisionRequested), nameof(DecisionRequested))]
[JsonDerivedType(typeof(DisputeResolved), nameof(DisputeResolved))]
public abstract record DisputeEvent(DateOnly On, string Actor);
