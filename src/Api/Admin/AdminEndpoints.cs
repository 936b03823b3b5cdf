using TicketFlow.Api.Security;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Admin;

/// <summary>
/// The operator's endpoints (administrative key only): register ENs and their staff, create and revoke API keys. A
/// key is shown once, when created; only its hash is stored.
/// </summary>
internal static class AdminEndpoints
{
    private const string Pid = ApiRoutes.Id;

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/employment-networks").WithTags("Administration").RequireAuthorization(ApiServiceCollectionExtensions.AdministratorPolicy);
        admin.MapPost("/", RegisterAsync).WithSummary("Register an Employment Network.");
        admin.MapPost($"/{{pid:{Pid}}}/staff", AddStaffAsync).WithSummary("Add or update a staff member.");
        admin.MapPost($"/{{pid:{Pid}}}/keys", CreateKeyAsync).WithSummary("Create an API key for the EN (shown once).");
        admin.MapPost($"/{{pid:{Pid}}}/staff/{{staffId:{Pid}}}/credentials", CreateStaffCredentialAsync).WithSummary("Create a staff member's sign-in credential for the web page (shown once; revoke it as a key).");
        admin.MapDelete($"/{{pid:{Pid}}}/keys/{{keyId:regex(^[0-9a-f]{{{{16}}}}$)}}", RevokeKeyAsync).WithSummary("Revoke an API key.");
        return api;
    }

    private static async Task<IResult> RegisterAsync(RegisterEmploymentNetworkRequest request, IEmploymentNetworkRepository networks, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var check = new ApiValidation().Id("pid", request.Pid).Text("name", request.Name, 200).Text("businessModel", request.BusinessModel, 2000);
        if (request.ComplianceContact is null || !System.Net.Mail.MailAddress.TryCreate(request.ComplianceContact.Email, out _))
        {
            check.Add("complianceContact.email", "An email address is required.");
        }

        var zone = request.TimeZone ?? EnTimeZone.DefaultId;
        try
        {
            _ = new EnTimeZone(zone);
        }
        catch (ArgumentException e)
        {
            check.Add("timeZone", e.Message);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var en = new EmploymentNetwork(request.Pid, request.Name, request.BusinessModel, zone, request.ComplianceContact!, request.RetentionPolicy, request.AssignsInTicketPortal);
        await networks.AddAsync(en, ct);
        await audit.RecordAsync(request.Pid, "administrator", "register EN", $"EN {request.Pid}", time, ct);
        return TypedResults.Created($"/api/v1/admin/employment-networks/{request.Pid}", en);
    }

    private static async Task<IResult> AddStaffAsync(string pid, StaffMember staff, IEmploymentNetworkRepository networks, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await networks.FindAsync(pid, ct) is null)
        {
            return TypedResults.Problem($"There is no EN {pid}.", statusCode: 404, title: "Not found");
        }

        var check = new ApiValidation().Id("staffId", staff.StaffId).Text("name", staff.Name, 200);
        if (!System.Net.Mail.MailAddress.TryCreate(staff.Email, out _))
        {
            check.Add("email", "Is not an email address.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var stored = staff with { EnPid = pid };
        await networks.UpsertStaffAsync(stored, ct);
        await audit.RecordAsync(pid, "administrator", $"add staff member {staff.StaffId}", $"EN {pid}", time, ct);
        return TypedResults.Ok(stored);
    }

    private static async Task<IResult> CreateKeyAsync(string pid, CreateKeyRequest request, IEmploymentNetworkRepository networks, IApiKeyStore keys, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await networks.FindAsync(pid, ct) is null)
        {
            return TypedResults.Problem($"There is no EN {pid}.", statusCode: 404, title: "Not found");
        }

        var check = new ApiValidation().Id("name", request.Name);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var key = ApiKey.Create();
        await keys.AddAsync(new ApiKeyRecord(key.KeyId, pid, request.Name, key.Hash(), time.GetUtcNow(), null), ct);
        await audit.RecordAsync(pid, "administrator", $"create API key {key.KeyId}", $"EN {pid}", time, ct);
        return TypedResults.Created($"/api/v1/admin/employment-networks/{pid}/keys/{key.KeyId}", new { key.KeyId, Key = key.Value, Note = "Shown once: store it now." });
    }

    private static async Task<IResult> CreateStaffCredentialAsync(string pid, string staffId, IEmploymentNetworkRepository networks, IApiKeyStore keys, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await networks.FindAsync(pid, ct) is null)
        {
            return TypedResults.Problem($"There is no EN {pid}.", statusCode: 404, title: "Not found");
        }

        if (!(await networks.ListStaffAsync(pid, ct)).Any(s => s.StaffId == staffId))
        {
            return TypedResults.Problem($"EN {pid} has no staff member {staffId}: add them first.", statusCode: 404, title: "Not found");
        }

        var credential = await Web.SignIn.StaffCredentials.CreateAsync(pid, staffId, keys, time, ct);
        await audit.RecordAsync(pid, "administrator", $"create staff credential {credential.KeyId} for {staffId}", $"EN {pid}", time, ct);
        return TypedResults.Created($"/api/v1/admin/employment-networks/{pid}/keys/{credential.KeyId}",
            new { credential.KeyId, StaffId = staffId, Credential = credential.Value, Note = "Shown once: give it to the staff member now." });
    }

    private static async Task<IResult> RevokeKeyAsync(string pid, string keyId, IApiKeyStore keys, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(pid, keyId, time.GetUtcNow(), ct))
        {
            return TypedResults.Problem($"EN {pid} has no key {keyId}.", statusCode: 404, title: "Not found");
        }

        await audit.RecordAsync(pid, "administrator", $"revoke API key {keyId}", $"EN {pid}", time, ct);
        return TypedResults.NoContent();
    }
}
