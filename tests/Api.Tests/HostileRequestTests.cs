using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Tickets;
using Xunit.Abstractions;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>
/// 1,500 generated malformed or hostile requests: wrong types, huge strings, deep JSON, invalid dates, path tricks,
/// missing or forged keys, other ENs' ids, and one class for each way a request once got through to a later failure
/// (dates at both ends of the calendar, list entries, continuation tokens, text that grows when stored, documents
/// whose bytes are not their type, chunked bodies over the cap, broken multipart boundaries, bad choices). None answers
/// 5xx, none names a .NET type, and none changes stored data or leaves a document behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileRequestTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task No_hostile_request_gets_a_server_error_or_changes_stored_data()
    {
        await using var host = await ApiHost.StartAsync(azurite, "--Api:Security:RequestsPerWindow=100000", "--Api:Security:AnonymousRequestsPerWindow=100000");
        using var owner = host.Client(host.FirstEnKey);
        var registered = await owner.PostAsync("/api/v1/tickets", new StringContent(
            """{"ticketNumber":"T-1","ticketholder":{"id":"th-1","name":"Jordan","email":"jordan@mail.example"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        // An assigned ticket too, so that contacts and events reach their checks rather than stopping at the status.
        await ApiScenario.AssignAsync(owner, "T-2", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var before = await SnapshotAsync(host);

        var random = new Random(1122);
        var statuses = new Dictionary<int, int>();
        var perClass = new Dictionary<string, int>();
        using var plain = host.Client(null);
        for (var i = 0; i < 1500; i++)
        {
            var (name, client, request) = i % 2 == 0 ? ("classic", host.Client(null), (HttpRequestMessage?)null) : Hostile.Generate(host, random, i);
            if (request is null)
            {
                client.Dispose();
                (client, request) = Generate(host, random, i);
            }

            perClass[name] = perClass.GetValueOrDefault(name) + 1;
            using (client)
            using (request)
            {
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException) when (name == "chunked")
                {
                    // The server answered 413 and closed the connection before the client finished sending: the
                    // client library reports the broken pipe. ApiContractTests reads that 413 off the wire.
                    statuses[413] = statuses.GetValueOrDefault(413) + 1;
                    continue;
                }

                using var answered = response;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                Assert.True(status < 500, $"request {i} ({name}) {request.Method} {request.RequestUri} answered {status}: {body}");
                Assert.True(status >= 400 || request.Method == HttpMethod.Get, $"request {i} ({name}) {request.Method} {request.RequestUri} was accepted ({status}): {body}");
                Assert.DoesNotMatch(Hostile.InternalNames, body);
            }
        }

        output.WriteLine($"requests: {statuses.Values.Sum()}; by class: {string.Join(", ", perClass.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        output.WriteLine("status codes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.All(Hostile.Classes, c => Assert.True(perClass.GetValueOrDefault(c) >= 40, $"class {c} was sent {perClass.GetValueOrDefault(c)} times"));
        Assert.Equal(before, await SnapshotAsync(host));
    }

    private static async Task<string> SnapshotAsync(ApiHost host)
    {
        var services = host.App.Services;
        var tickets = services.GetRequiredService<ITicketRepository>();
        var notes = services.GetRequiredService<ICaseNoteRepository>();
        var deadlines = services.GetRequiredService<IDeadlineRepository>();
        var disputes = services.GetRequiredService<TicketFlow.Workflow.Disputes.IDisputeRepository>();
        var reviews = services.GetRequiredService<TicketFlow.Workflow.ServicesAndSupportsReviews.IServicesAndSupportsReviewRepository>();
        var iwps = services.GetRequiredService<TicketFlow.Workflow.Iwps.IIwpRepository>();
        var documents = services.GetRequiredService<TicketFlow.Workflow.Documents.IDocumentStore>();
        var text = new StringBuilder();
        foreach (var en in new[] { "P00001", "P00002" })
        {
            text.AppendLine(string.Join(";", await disputes.ListAsync(en, CancellationToken.None)));
            text.AppendLine(string.Join(";", (await reviews.ListAsync(en, CancellationToken.None)).Select(r => r.ReviewId)));
            foreach (var ticket in new[] { "T-1", "T-2" })
            {
                text.AppendLine(string.Join(";", (await iwps.ListAsync(en, ticket, CancellationToken.None)).Select(r => r.IwpId)));
                text.AppendLine(string.Join(";", await notes.ListAsync(en, ticket, null, null, CancellationToken.None)));
                text.AppendLine(await DocumentsAsync(documents, TicketFlow.Workflow.Documents.DocumentFolders.ForTicket(en, ticket)));
            }

            foreach (var dispute in Hostile.DisputeIds)
            {
                text.AppendLine(await DocumentsAsync(documents, TicketFlow.Workflow.Documents.DocumentFolders.ForDispute(en, dispute)));
            }

            text.AppendLine(string.Join(";", await tickets.ListAsync(en, CancellationToken.None)));
            text.AppendLine(string.Join(";", await deadlines.QueryAsync(new DeadlineQuery(en, new DateOnly(2000, 1, 1), new DateOnly(2002, 12, 31)), CancellationToken.None)));
            text.AppendLine(string.Join(";", await deadlines.ListForSubjectAsync(en, "T-1", CancellationToken.None)));
            text.AppendLine(string.Join(";", await notes.ListAsync(en, "T-1", null, null, CancellationToken.None)));
        }

        return text.ToString();
    }

    private static async Task<string> DocumentsAsync(TicketFlow.Workflow.Documents.IDocumentStore documents, string folder)
    {
        try
        {
            return string.Join(";", (await documents.ListAsync(folder, CancellationToken.None)).Select(d => $"{d.Kind}/{d.DocumentId}"));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return "no container yet"; // nothing was ever stored
        }
    }

    private static (HttpClient Client, HttpRequestMessage Request) Generate(ApiHost host, Random random, int i)
    {
        var keys = new[] { null, host.SecondEnKey, "tf_0123456789abcdef_" + new string('x', 43), "' OR 1=1 --", host.FirstEnKey };
        var key = keys[random.Next(keys.Length)];
        var client = host.Client(key);
        var paths = new[]
        {
            "/api/v1/tickets", "/api/v1/tickets/T-1", "/api/v1/tickets/T-1/events", "/api/v1/tickets/T-1/contacts", "/api/v1/tickets/T-1/iwps",
            "/api/v1/tickets/..%2F..%2Fetc%2Fpasswd/events", "/api/v1/tickets/T-1%00/contacts", "/api/v1/tickets/" + new string('A', 5000),
            "/api/v1/deadlines?from=2026-13-45", "/api/v1/deadlines?from=2026-01-01&to=1999-01-01", "/api/v1/deadlines?state=Exploded",
            "/api/v1/instances/ticket:P00002:T-1", "/api/v1/instances/%2e%2e", "/api/v1/tickets/T-1/case-notes?from=yesterday",
            "/api/v1/tickets/T-1/iwps/iwp-0/amendments", "/api/v1/tickets/T-1/iwps/..%2Fiwp-0/document", "/api/v1/tickets/T-1/case-notes/note-%00",
        };
        var bodies = new Func<string>[]
        {
            () => "{",
            () => "[]",
            () => "null",
            () => new string('[', 5000) + new string(']', 5000),
            () => """{"type":"IwpSubmitted","on":"2026-02-30"}""",
            () => """{"type":"IwpSubmitted","on":"3000-01-01"}""",
            () => """{"type":"RetentionPeriodEnded","on":"2026-01-01"}""",
            () => """{"type":"NoSuchEvent","on":"2026-01-01"}""",
            () => """{"type":"IwpSubmitted","on":20260101}""",
            () => """{"type":"TicketUnassigned","on":"2026-01-01","reason":"Whatever"}""",
            () => """{"on":"2026-01-01","method":"Telepathy","staffId":"s1","twoWay":true,"notes":"x"}""",
            () => $$"""{"on":"2026-01-01","method":"Phone","staffId":"{{new string('s', 10_000)}}","twoWay":true,"notes":"x"}""",
            () => """{"on":"2026-01-01","method":"Phone","staffId":"../../s1","twoWay":"yes","notes":"x"}""",
            () => """{"ticketNumber":"T-1","ticketholder":{"id":"th-1","name":"dup\u0001"}}""",
            () => """{"ticketNumber":"T/../2","ticketholder":{"id":"th\u0000","name":"x"}}""",
            () => $$$"""{"ticketNumber":"{{{new string('9', 100_000)}}}","ticketholder":{"id":"a","name":"b"}}""",
            () => """{"ticketNumber":"T-9","ticketholder":{"id":"a","name":"b"},"extra":{"nested":[1,2,3]}}""",
            () => """{"employmentNetwork":{"pid":"P1"},"signatures":{"ticketholder":{"date":"2026-01-01"}}}""",
        };
        var methods = new[] { HttpMethod.Post, HttpMethod.Post, HttpMethod.Post, HttpMethod.Post, HttpMethod.Post, HttpMethod.Get, HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete };
        var request = new HttpRequestMessage(methods[random.Next(methods.Length)], paths[random.Next(paths.Length)]);
        if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
        {
            var contentTypes = new[] { "application/json", "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x" };
            request.Content = new StringContent(bodies[random.Next(bodies.Length)](), Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentTypes[random.Next(contentTypes.Length)]);
            if (random.Next(4) == 0)
            {
                request.Headers.Add("Idempotency-Key", random.Next(2) == 0 ? new string('k', 300) : $"key-{i % 7}");
            }
        }

        return (client, request);
    }
}
