namespace TicketFlow.Api.Web.SignIn;

/// <summary>The claims a signed-in staff member carries beside the API's caller claims.</summary>
internal static class StaffClaims
{
    /// <summary>The staff member's id within the EN.</summary>
    public const string StaffId = "ticketflow:staff";

    /// <summary>The key id of the staff credential the session was opened with (checked again while it lasts).</summary>
    public const string CredentialId = "ticketflow:credential";

    /// <summary>The caller name the audit trail records for a staff member.</summary>
    public static string CallerName(string staffId) => $"staff:{staffId}";
}
