namespace TicketFlow.Api.Security;

/// <summary>The claim types TicketFlow's authentication puts on a caller.</summary>
public static class CallerClaims
{
    /// <summary>The PID of the EN the caller acts for; every data access is filtered by it.</summary>
    public const string EnPid = "ticketflow:en_pid";

    /// <summary>The caller's name as written in the audit trail.</summary>
    public const string Name = "ticketflow:caller";

    /// <summary>Present on the operator's administrative caller, who may register ENs and manage keys.</summary>
    public const string Administrator = "ticketflow:admin";
}
