using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SendGrid.Helpers.EventWebhook;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Api.Webhooks;
using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Api.Tests.Email;

public sealed class SendGridWebhookEndpointTests : IAsyncLifetime
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private WebApplication _app = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:SendGrid:WebhookVerificationKey"] = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo()),
            ["Email:OutboxFolder"] = Path.Combine(Path.GetTempPath(), "tf-webhook-" + Guid.NewGuid().ToString("N")),
        });
        builder.Services.AddEmailServices(builder.Configuration);
        _app = builder.Build();
        _app.MapSendGridEventWebhook();
        await _app.StartAsync();
        _url = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/webhooks/sendgrid/events");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, ECDsa signer)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = signer.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(RequestValidator.SIGNATURE_HEADER, Convert.ToBase64String(signature));
        request.Headers.Add(RequestValidator.TIMESTAMP_HEADER, timestamp);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_post_is_recorded_and_answered_200()
    {
        var body = new JsonArray(SendGridEvents.Event("w1", "delivered", reminder: "RW")).ToJsonString();

        using var response = await PostAsync(body, _key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recorded"]);
        var recorded = await _app.Services.GetRequiredService<IEmailDeliveryLog>().GetForReminderAsync("RW");
        Assert.Equal("w1", Assert.Single(recorded).EventId);
    }

    [Fact]
    public async Task A_badly_signed_post_is_answered_401_with_problem_details()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var response = await PostAsync(new JsonArray(SendGridEvents.Event("w2", "delivered")).ToJsonString(), other);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
