namespace TicketFlow.Workflow.Calendar;

/// <summary>Why a weekday is not a federal business day.</summary>
public enum FederalHolidayKind
{
    /// <summary>A legal public holiday named in 5 U.S.C. 6103(a), on its observed date.</summary>
    Holiday,

    /// <summary>A one-off closure of executive departments by Executive Order (for example Christmas Eve 2019).</summary>
    Closure,
}
