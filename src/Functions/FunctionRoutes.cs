using TicketFlow.Api;

namespace TicketFlow.Functions;

/// <summary>
/// Route templates of the HTTP functions, below host.json's route prefix, written as src/Api maps them (the same
/// constraints; a test checks every function against the API's own endpoints).
/// </summary>
internal static class FunctionRoutes
{
    public const string V1 = "v1";
    public const string Ticket = V1 + "/tickets/{ticketNumber:" + ApiRoutes.Id + "}";
    public const string Iwp = Ticket + "/iwps/{iwpId:" + ApiRoutes.Id + "}";
    public const string Dispute = V1 + "/disputes/{disputeId:" + ApiRoutes.Id + "}";
    public const string Review = V1 + "/reviews/{reviewId:" + ApiRoutes.Id + "}";
    public const string EmploymentNetwork = V1 + "/admin/employment-networks/{pid:" + ApiRoutes.Id + "}";
    public const string Instance = V1 + "/instances/{instanceId:regex(^[A-Za-z0-9][A-Za-z0-9:._-]{{0,199}}$)}";
}
