using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Tickets;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Management;

[Collection(AzuriteCollection.Name)]
public sealed class WorkflowStartTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_registration_that_stopped_after_the_record_is_completed_by_repeating_it()
    {
        // The record written, the workflow never started: what a host crash between the two leaves behind.
        var registeredOn = new DateOnly(2026, 11, 2);
        await _host.App.Services.GetRequiredService<ITicketRepository>().AddAsync(
            new Ticket("P00001", "R-1", "th-r1", TicketStatus.Registered, "s1", registeredOn, null, null, null), CancellationToken.None);
        using var client = _host.Client(_host.FirstEnKey);

        using var repeated = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"R-1","ticketholder":{"id":"th-r1","name":"Jordan"}}"""));
        using var again = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"R-1","ticketholder":{"id":"th-r1","name":"Jordan"}}"""));

        Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
        Assert.Equal("2026-11-02", (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resource").GetProperty("registeredOn").GetString());
        Assert.NotNull(await _host.App.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync("ticket:P00001:R-1"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_review_request_that_stopped_after_the_record_is_completed_by_repeating_it_from_the_kept_record()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"R-2","ticketholder":{"id":"th-r2","name":"Jordan"}}"""));
        await _host.App.Services.GetRequiredService<IServicesAndSupportsReviewRepository>().AddAsync(
            new ServicesAndSupportsReview("P00001", "SS-1", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), ["R-2"],
                ServicesAndSupportsReviewStatus.Preparing, new Dictionary<string, DocumentReference>(), null), CancellationToken.None);
        var body = Json("""{"reviewId":"SS-1","receivedOn":"2026-11-03","dueOn":"2026-12-03","ticketNumbers":["R-2"]}""");

        using var repeated = await client.PostAsync("/api/v1/reviews", body);
        using var again = await client.PostAsync("/api/v1/reviews", Json("""{"reviewId":"SS-1","receivedOn":"2026-11-03","dueOn":"2026-12-03","ticketNumbers":["R-2"]}"""));

        Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
        var started = await _host.App.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync("ssreview:P00001:SS-1", getInputsAndOutputs: true);
        Assert.Contains("2026-12-02", started!.SerializedInput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
