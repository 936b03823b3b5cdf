using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api.Security;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AdminApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_operator_registers_an_en_with_staff_and_a_key_that_works_until_revoked()
    {
        var adminKey = ApiKey.Create();
        await using var host = await ApiHost.StartAsync(azurite, $"--Api:Security:AdministratorKeyHash={adminKey.Hash()}");
        using var admin = host.Client(adminKey.Value);

        var en = await admin.PostAsJsonAsync("/api/v1/admin/employment-networks", new
        {
            pid = "P42", name = "Forty Two EN", businessModel = "Full-time", timeZone = "America/Denver",
            complianceContact = new { name = "C", email = "c@p42.example" }, retentionPolicy = "ConfirmBeforeDisposal", assignsInTicketPortal = true,
        });
        var staff = await admin.PostAsJsonAsync("/api/v1/admin/employment-networks/P42/staff", new { enPid = "ignored", staffId = "s9", name = "Sam", email = "sam@p42.example" });
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/employment-networks/P42/keys", new { name = "case-system" })).Content.ReadFromJsonAsync<JsonElement>();
        using var en42 = host.Client(created.GetProperty("key").GetString());

        Assert.Equal(HttpStatusCode.Created, en.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await en42.GetAsync("/api/v1/deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/employment-networks/P42/keys/{created.GetProperty("keyId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await en42.GetAsync("/api/v1/deadlines")).StatusCode);
        var audit = await host.App.Services.GetRequiredService<TicketFlow.Workflow.Audit.IAuditTrail>()
            .ListAsync("P42", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        Assert.Equal(["register EN", "add staff member s9", $"create API key {created.GetProperty("keyId").GetString()}", $"revoke API key {created.GetProperty("keyId").GetString()}"],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("administrator", a.Actor));
    }

    [Fact]
    public async Task An_en_key_cannot_use_the_operators_endpoints_and_a_bad_time_zone_is_a_field_error()
    {
        var adminKey = ApiKey.Create();
        await using var host = await ApiHost.StartAsync(azurite, $"--Api:Security:AdministratorKeyHash={adminKey.Hash()}");
        using var en = host.Client(host.FirstEnKey);
        using var admin = host.Client(adminKey.Value);

        var forbidden = await en.PostAsJsonAsync("/api/v1/admin/employment-networks/P00001/keys", new { name = "sneaky" });
        var badZone = await admin.PostAsJsonAsync("/api/v1/admin/employment-networks", new
        {
            pid = "P43", name = "X", businessModel = "Full-time", timeZone = "Mars/Olympus",
            complianceContact = new { name = "C", email = "c@p43.example" }, retentionPolicy = "ConfirmBeforeDisposal", assignsInTicketPortal = false,
        });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Contains("timeZone", await badZone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
