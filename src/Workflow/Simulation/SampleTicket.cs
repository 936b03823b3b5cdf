using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Simulation;

/// <summary>
/// A sample ticket's first two years, used by <c>ticketflow simulate</c>: signatures on different days, a review that
/// runs late, monthly follow-up with a missed month and a check-in email, work, the move to Ongoing Support, then
/// lost contact and unassignment.
/// </summary>
public static class SampleTicket
{
    /// <summary>The sample's ticket number.</summary>
    public const string TicketNumber = "T-SAMPLE";

    /// <summary>The script, starting on <paramref name="start"/> (every date is relative to it).</summary>
    /// <param name="start">The registration date.</param>
    /// <returns>The script.</returns>
    public static TicketScript Create(DateOnly start)
    {
        DateOnly Day(int n) => start.AddDays(n);
        const string Staff = "casey.diaz";
        return new TicketScript(TicketNumber, start,
        [
            new IwpSigned(Day(7), Staff, "iwp-1", EnSignedOn: Day(3), TicketholderSignedOn: Day(7), HasBlockingFinding: false),
            new IwpSubmitted(Day(17), Staff),
            new TpmReceiptRecorded(Day(18), Staff),
            new ReviewDecisionRecorded(Day(31), Staff, Compliant: true),
            new ContactAttemptRecorded(Day(38), Staff, "n-1", ContactMethod.Phone, TwoWay: false),
            new ContactAttemptRecorded(Day(45), Staff, "n-2", ContactMethod.Email, TwoWay: false),
            new ContactAttemptRecorded(Day(52), Staff, "n-3", ContactMethod.Phone, TwoWay: true),
            new ContactAttemptRecorded(Day(80), Staff, "n-4", ContactMethod.InPerson, TwoWay: true),
            new ContactAttemptRecorded(Day(118), Staff, "n-5", ContactMethod.Phone, TwoWay: false),
            new CheckInEmailRequested(Day(125), Staff, "s1"),
            new ContactAttemptRecorded(Day(132), Staff, "n-6", ContactMethod.Email, TwoWay: true),
            new WorkStarted(Day(147), Staff),
            new ContactAttemptRecorded(Day(160), Staff, "n-7", ContactMethod.Phone, TwoWay: true),
            new ContactAttemptRecorded(Day(188), Staff, "n-8", ContactMethod.TextMessage, TwoWay: true),
            new PhaseChanged(Day(240), Staff),
            new ContactAttemptRecorded(Day(320), Staff, "n-9", ContactMethod.Phone, TwoWay: true),
            new ContactAttemptRecorded(Day(410), Staff, "n-10", ContactMethod.App, TwoWay: true),
            new ContactAttemptRecorded(Day(500), Staff, "n-11", ContactMethod.Phone, TwoWay: false),
            new ContactAttemptRecorded(Day(512), Staff, "n-12", ContactMethod.Letter, TwoWay: false),
            new ContactAttemptRecorded(Day(526), Staff, "n-13", ContactMethod.Email, TwoWay: false),
            new TicketUnassigned(Day(660), Staff, UnassignmentReason.LostContact),
        ]);
    }
}
