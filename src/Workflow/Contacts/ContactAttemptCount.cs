using System.Globalization;

namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// The contact attempts a ticket has on record towards an unassignment for lost contact: the most attempts logged within
/// one period (a month in Initial Job Acquisition, three months in Ongoing Support) since the last two-way contact,
/// against the minimum the EN Guide asks for.
/// </summary>
/// <param name="Logged">The most attempts within one period since the last two-way contact.</param>
/// <param name="Required">The minimum before the EN may unassign for lost contact (the cadence's).</param>
/// <param name="PeriodMonths">The period's length in calendar months.</param>
/// <param name="NoContactRequested">Whether the ticketholder asked for no contact (then no attempts are needed).</param>
/// <param name="Source">Where the minimum is written, as a reader looks it up.</param>
public sealed record ContactAttemptCount(int Logged, int Required, int PeriodMonths, bool NoContactRequested, string Source)
{
    /// <summary>True when the ticket may be unassigned for lost contact as far as attempts go.</summary>
    public bool Enough => NoContactRequested || Logged >= Required;

    /// <summary>The period in words: "one month", "3 months".</summary>
    public string Period => PeriodMonths == 1 ? "one month" : string.Create(CultureInfo.InvariantCulture, $"{PeriodMonths} months");

    /// <summary>"2 of the 3 contact attempts within one month needed before unassigning for lost contact (source)".</summary>
    public string Describe() => NoContactRequested
        ? "the ticketholder asked for no contact, so no contact attempts are needed before unassigning"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Logged} of the {Required} contact attempts within {Period} (since the last two-way contact) needed before unassigning for lost contact ({Source})");
}
