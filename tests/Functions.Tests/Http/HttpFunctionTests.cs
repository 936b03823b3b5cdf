using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TicketFlow.Api.Security;
using TicketFlow.Functions.Health;
using TicketFlow.Functions.Management;
using TicketFlow.Functions.Tests.Hosts;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Functions.Tests.Http;

/// <summary>
/// HTTP functions with a mocked <see cref="DurableTaskClient"/> (as Microsoft documents for isolated-worker unit tests):
/// the function hands the binding's client to the API, and the API's answer is the function's.
/// </summary>
public sealed class HttpFunctionTests : IDisposable
{
    private const string Instance = "ticket:P00001:T-1";
    private readonly ApiKey key = ApiKey.Create();
    private readonly Mock<DurableTaskClient> client = new("test");
    private readonly Mock<IEmploymentNetworkRepository> networks = new();
    private readonly FunctionsAppHost app;

    public HttpFunctionTests()
    {
        var keys = new Mock<IApiKeyStore>();
        keys.Setup(k => k.FindAsync(key.KeyId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiKeyRecord(key.KeyId, "P00001", "case-system", key.Hash(), DateTimeOffset.UtcNow.AddDays(-1), null));
        networks.Setup(n => n.FindAsync("P00001", It.IsAny<CancellationToken>())).ReturnsAsync(new EmploymentNetwork(
            "P00001", "First EN", "Full-time", "America/New_York", new Contact("Pat", "pat@en1.example"), RetentionPolicy.ConfirmBeforeDisposal, false));
        app = FunctionsAppHost.Build(
            FunctionsAppHost.StorageSettings("UseDevelopmentStorage=true", "unit", "docs", Path.GetTempPath()),
            services => services.AddSingleton(keys.Object).AddSingleton(networks.Object));
    }

    [Fact]
    public async Task Readiness_asks_the_bound_client_and_answers_ready()
    {
        client.Setup(c => c.GetInstanceAsync("health-probe", It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        client.Setup(c => c.GetInstanceAsync("health-probe", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        var response = await app.InvokeAsync(HealthFunctions.GetReadiness, client.Object, "GET", "/api/health/ready");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("ready", response.Json!["checks"]!["durableStore"]!.GetValue<string>());
        client.Verify(c => c.GetInstanceAsync("health-probe", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Readiness_is_503_when_the_bound_client_fails()
    {
        client.Setup(c => c.GetInstanceAsync("health-probe", It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("hub down"));

        var response = await app.InvokeAsync(HealthFunctions.GetReadiness, client.Object, "GET", "/api/health/ready");

        Assert.Equal(503, response.StatusCode);
        Assert.StartsWith("unavailable", response.Json!["checks"]!["durableStore"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_reaches_the_bound_client_for_an_instance_of_the_callers_en()
    {
        client.Setup(c => c.GetInstanceAsync(Instance, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("TicketOrchestrator", Instance) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        client.Setup(c => c.GetInstanceAsync(Instance, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("TicketOrchestrator", Instance) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var response = await app.InvokeAsync(ManagementFunctions.SuspendInstance, client.Object, "POST",
            $"/api/v1/instances/{Uri.EscapeDataString(Instance)}/suspend?reason=holiday", apiKey: key.Value);

        Assert.Equal(202, response.StatusCode);
        client.Verify(c => c.SuspendInstanceAsync(Instance, "holiday", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Another_ens_instance_is_404_and_the_client_is_not_asked_to_change_it()
    {
        var response = await app.InvokeAsync(ManagementFunctions.SuspendInstance, client.Object, "POST",
            "/api/v1/instances/ticket:P00002:T-1/suspend", apiKey: key.Value);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        client.Verify(c => c.SuspendInstanceAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Without_a_key_the_api_refuses_before_the_client_is_used()
    {
        var strict = new Mock<DurableTaskClient>(MockBehavior.Strict, "test");
        strict.Setup(c => c.DisposeAsync()).Returns(ValueTask.CompletedTask);

        var response = await app.InvokeAsync(ManagementFunctions.GetInstanceStatus, strict.Object, "GET", $"/api/v1/instances/{Instance}");

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    public void Dispose() => app.Dispose();
}
