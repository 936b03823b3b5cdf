using TicketFlow.Workflow.Contacts;

namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>A contact attempt, or a two-way contact, with the ticketholder, as written in the case notes.</summary>
/// <param name="On">The date of the attempt.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="CaseNoteId">The case note that holds the evidence.</param>
/// <param name="Method">How the EN reached out.</param>
/// <param name="TwoWay">Whether the ticketholder responded (two-way contact).</param>
/// <param name="Note">
/// The case note itself when the event brings it (a contact logged through the API: the event is the request's one
/// durable write, and the workflow writes the note); null when whoever raised the event wrote the note already (a
/// check-in email).
/// </param>
public sealed record ContactAttemptRecorded(
    DateOnly On,
    string Actor,
    string CaseNoteId,
    ContactMethod Method,
    bool TwoWay,
    CaseNote? Note = null) : TicketEvent(On, Actor);
