namespace TicketFlow.Workflow.Contacts;

/// <summary>What a case note records.</summary>
public enum CaseNoteKind
{
    /// <summary>An attempt to reach the ticketholder that got no response.</summary>
    ContactAttempt,

    /// <summary>Contact in which the ticketholder responded (two-way communication).</summary>
    TwoWayContact,

    /// <summary>The ticketholder asked not to be contacted.</summary>
    NoContactRequest,

    /// <summary>Any other note.</summary>
    General,

    /// <summary>A note on services and supports provided (a workshop, a resume review) that is not a contact with the ticketholder.</summary>
    ServiceNote,
}
