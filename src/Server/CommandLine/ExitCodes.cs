namespace TicketFlow.Server.CommandLine;

/// <summary>The exit codes of the <c>ticketflow</c> command line.</summary>
public static class ExitCodes
{
    /// <summary>Done; for check-iwp, no blocking finding.</summary>
    public const int Success = 0;

    /// <summary>check-iwp: at least one blocking finding.</summary>
    public const int BlockingFindings = 1;

    /// <summary>replay-check: at least one running instance would break on its next replay.</summary>
    public const int ReplayBreaks = 1;

    /// <summary>Input that cannot be used: unknown command or rule, malformed date or year, unreadable or malformed file.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// serve: the server could not start (a port already in use, the data folder held by another server, a setting
    /// that does not validate); the reason is one line on stderr. 69 is EX_UNAVAILABLE in sysexits.h.
    /// </summary>
    public const int CannotStart = 69;

    /// <summary>A fault in TicketFlow itself (reported in one line, never a stack trace).</summary>
    public const int InternalError = 70;
}
