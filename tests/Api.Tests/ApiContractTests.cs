using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>What every answer promises beyond its body: headers, links, the caller's words in errors, the OpenAPI document.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite, "--Api:PublicBaseUrl=https://ticketflow.example.org");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Links_come_from_the_public_base_url_never_from_the_host_header()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = Json("""{"ticketNumber":"H-1","ticketholder":{"id":"th-h1","name":"Jordan"}}"""),
        };
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("https://ticketflow.example.org/api/v1/instances/ticket%3AP00001%3AH-1", response.Headers.Location!.ToString());
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        var started = JsonDocument.Parse(body).RootElement;
        foreach (var uri in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "resourceUri" })
        {
            Assert.StartsWith("https://ticketflow.example.org/api/v1/", started.GetProperty(uri).GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Answers_holding_personal_data_are_not_stored_or_sniffed_and_every_answer_is_not_sniffed()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var anonymous = _host.Client(null);

        using var deadlines = await client.GetAsync("/api/v1/deadlines");
        using var missing = await client.GetAsync("/api/v1/tickets/NOPE");
        using var live = await anonymous.GetAsync("/api/health/live");

        foreach (var response in new[] { deadlines, missing })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} has Cache-Control {response.Headers.CacheControl}");
        }

        Assert.Equal("nosniff", live.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/api/v1/deadlines?state=Exploded", "state", "Open")]
    [InlineData("/api/v1/instances?runtimeStatus=Exploded", "runtimeStatus", "Running")]
    [InlineData("/api/v1/deadlines?from=yesterday", "from", "yyyy-MM-dd")]
    public async Task A_bad_query_value_names_its_field_lists_the_allowed_values_and_no_internal_type(string path, string field, string allowed)
    {
        using var client = _host.Client(_host.FirstEnKey);

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(allowed, message, StringComparison.Ordinal);
        Assert.DoesNotMatch(Hostile.InternalNames, body);
    }

    [Fact]
    public async Task A_bad_choice_in_a_body_lists_the_allowed_values_and_no_internal_type()
    {
        using var client = _host.Client(_host.FirstEnKey);

        using var method = await client.PostAsync("/api/v1/tickets/X-1/contacts", Json("""{"on":"2026-01-02","method":"Telepathy","staffId":"s1","twoWay":true,"notes":"x"}"""));
        using var type = await client.PostAsync("/api/v1/tickets/X-1/events", Json("""{"type":"NoSuchEvent","on":"2026-01-02"}"""));
        var methodBody = await method.Content.ReadAsStringAsync();
        var typeBody = await type.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, method.StatusCode);
        Assert.Contains("Phone", JsonDocument.Parse(methodBody).RootElement.GetProperty("errors").GetProperty("$.method")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, type.StatusCode);
        Assert.True(typeBody.Contains("IwpSubmitted", StringComparison.Ordinal), typeBody);
        Assert.DoesNotMatch(Hostile.InternalNames, methodBody);
        Assert.DoesNotMatch(Hostile.InternalNames, typeBody);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_answer_both_security_schemes_and_the_multipart_bodies()
    {
        using var anonymous = _host.Client(null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        var contact = document.GetProperty("paths").GetProperty("/api/v1/tickets/{ticketNumber}/contacts").GetProperty("post");
        foreach (var status in new[] { "202", "400", "401", "404", "409", "413", "415", "422", "429" })
        {
            Assert.True(contact.GetProperty("responses").TryGetProperty(status, out var answer), $"contacts has no {status}");
            Assert.True(answer.TryGetProperty("content", out _), $"contacts' {status} has no body");
        }

        var dispute = document.GetProperty("paths").GetProperty("/api/v1/disputes").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        var parts = dispute.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal("binary", parts.GetProperty("agreement").GetProperty("format").GetString());
        Assert.True(parts.TryGetProperty("request", out _));
        var iwp = document.GetProperty("paths").GetProperty("/api/v1/tickets/{ticketNumber}/iwps").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(iwp.TryGetProperty("multipart/form-data", out _));
        Assert.True(iwp.TryGetProperty("application/json", out _));
    }

    [Theory]
    [InlineData("/api/v1/tickets/X-1/contacts", 300 * 1024)]
    [InlineData("/api/v1/tickets/X-2/iwps", 12 * 1024 * 1024)]
    public async Task A_chunked_body_over_the_cap_answers_413_like_one_with_a_content_length(string path, int size)
    {
        using (var client = _host.Client(_host.FirstEnKey))
        {
            // The IWP endpoint reads its body once it has found the ticket.
            using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"X-2","ticketholder":{"id":"th-x2","name":"Jordan"}}"""));
        }

        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(_host.BaseAddress.Host, _host.BaseAddress.Port);
        var stream = socket.GetStream();

        // Read the answer while sending: the server answers as soon as the cap is passed, before the body ends.
        var answer = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        });
        var head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {_host.FirstEnKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        try
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            chunk[0] = (byte)'{';
            for (var sent = 0; sent < size && !answer.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server stopped reading once it had answered.
        }

        Assert.StartsWith("HTTP/1.1 413", await answer.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
    }
}
