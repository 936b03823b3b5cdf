using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Iwps;

[Collection(AzuriteCollection.Name)]
public sealed class IwpApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Real time: plans are signed a few days back so they are never "in the future" in New York.
    private static readonly DateOnly Signed = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-4);
    private static readonly DateOnly Amended = Signed.AddDays(2);
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a signed amendment\n%%EOF");
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_iwp_with_70_work_history_rows_is_accepted_and_its_record_is_written_with_the_ticket_carrying_on()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"W-70","ticketholder":{"id":"th-w70","name":"Jordan"}}"""));
        var plan = JsonNode.Parse(SampleIwp(Signed))!;
        var job = plan["workHistory"]!["jobs"]![0]!;
        plan["workHistory"]!["jobs"] = new JsonArray([.. Enumerable.Range(0, 70).Select(i =>
        {
            var row = job.DeepClone();
            row["employer"] = $"Employer \"{i}\" § Söhne & Partner <Concord>";
            return row;
        })]);

        using var accepted = await client.PostAsync("/api/v1/tickets/W-70/iwps", Json(plan.ToJsonString()));
        var records = await RecordsAsync(client, "W-70", 1);
        using var submitted = await client.PostAsync("/api/v1/tickets/W-70/events", Json($$"""{"type":"IwpSubmitted","on":"{{Signed:yyyy-MM-dd}}"}"""));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Single(records);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        await UntilAsync(async () => (await client.GetStringAsync("/api/v1/instances/ticket:P00001:W-70")).Contains("IwpSubmitted", StringComparison.Ordinal));
    }

    /// <summary>A ticket with its IWP recorded and submitted to the TPM; returns the IWP's id.</summary>
    private static async Task<string> SubmittedIwpAsync(HttpClient client, string ticket)
    {
        using var registered = await client.PostAsync("/api/v1/tickets", Json($$$"""{"ticketNumber":"{{{ticket}}}","ticketholder":{"id":"th-{{{ticket}}}","name":"Jordan"}}"""));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        using var recorded = await client.PostAsync($"/api/v1/tickets/{ticket}/iwps", Json(SampleIwp(Signed)));
        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        await UntilAsync(async () =>
        {
            using var response = await client.PostAsync($"/api/v1/tickets/{ticket}/events", Json($$"""{"type":"IwpSubmitted","on":"{{Signed:yyyy-MM-dd}}"}"""));
            return response.IsSuccessStatusCode;
        });
        await UntilAsync(async () => (await client.GetStringAsync($"/api/v1/instances/ticket:P00001:{ticket}")).Contains("IwpSubmitted", StringComparison.Ordinal));
        return (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iwpId").GetString()!;
    }

    /// <summary>The ticket's IWP records once the workflow has written <paramref name="count"/> of them.</summary>
    private static async Task<JsonElement[]> RecordsAsync(HttpClient client, string ticket, int count)
    {
        JsonElement[] records = [];
        await UntilAsync(async () => (records = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/tickets/{ticket}/iwps"))!).Length >= count);
        return records;
    }

    private static string Amendment(DateOnly enSigned, DateOnly? ticketholderSigned)
    {
        var plan = JsonNode.Parse(SampleIwp(Amended))!;
        plan["signatures"]!["employmentNetwork"]!["date"] = enSigned.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        plan["signatures"]!["ticketholder"]!["date"] = ticketholderSigned?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return plan.ToJsonString();
    }

    private static MultipartFormDataContent Multipart(string json, byte[] document, string contentType)
    {
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { new StringContent(json, Encoding.UTF8), "iwp" }, { file, "document", "amendment.pdf" } };
    }

    [Fact]
    public async Task An_amendment_signed_and_dated_by_both_parties_is_attached_to_the_original_and_audited()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-1");

        using var response = await client.PostAsync($"/api/v1/tickets/A-1/iwps/{iwpId}/amendments", Json(Amendment(Amended, Amended)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var amendmentId = body.GetProperty("amendmentId").GetString()!;
        Assert.Equal(iwpId, body.GetProperty("amendsIwpId").GetString());
        Assert.Equal($"{Amended:yyyy-MM-dd}", body.GetProperty("signedOn").GetString());
        Assert.EndsWith($"/api/v1/tickets/A-1/iwps/{amendmentId}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var records = await RecordsAsync(client, "A-1", 2);
        Assert.Equal([(iwpId, (string?)null), (amendmentId, iwpId)],
            records!.Select(r => (r.GetProperty("iwpId").GetString()!, r.GetProperty("amendsIwpId").GetString())));
        await UntilAsync(async () =>
        {
            var timeline = await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/A-1/timeline");
            return timeline.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "iwp amended" && e.GetProperty("outcome").GetString() == "done");
        });
    }

    [Fact]
    public async Task An_amendment_with_its_signed_document_can_be_downloaded_as_it_was_sent()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-2");

        using var response = await client.PostAsync($"/api/v1/tickets/A-2/iwps/{iwpId}/amendments", Multipart(Amendment(Amended, Amended), Pdf, "application/pdf"));
        var amendmentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amendmentId").GetString();
        await RecordsAsync(client, "A-2", 2);
        using var download = await client.GetAsync($"/api/v1/tickets/A-2/iwps/{amendmentId}/document");
        using var none = await client.GetAsync($"/api/v1/tickets/A-2/iwps/{iwpId}/document");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task An_amendment_whose_plan_is_sent_as_a_file_part_as_curl_sends_it_is_read_like_a_field()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-10");
        var plan = new ByteArrayContent(Encoding.UTF8.GetBytes(Amendment(Amended, Amended)));
        plan.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync($"/api/v1/tickets/A-10/iwps/{iwpId}/amendments", new MultipartFormDataContent { { plan, "iwp", "amended.json" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await RecordsAsync(client, "A-10", 2)).Length);
    }

    [Fact]
    public async Task An_amendment_without_both_signatures_answers_422_with_its_findings_and_records_nothing()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-3");

        using var response = await client.PostAsync($"/api/v1/tickets/A-3/iwps/{iwpId}/amendments", Json(Amendment(Amended, ticketholderSigned: null)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(problem.GetProperty("findings").GetArrayLength() > 0);
        Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/A-3/iwps"))!);
    }

    [Fact]
    public async Task An_amendment_signed_before_the_plan_it_amends_answers_400_naming_the_signatures()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-4");

        using var response = await client.PostAsync($"/api/v1/tickets/A-4/iwps/{iwpId}/amendments", Json(Amendment(Signed.AddDays(-1), Amended)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("before the IWP it amends", problem.GetProperty("errors").GetProperty("signatures")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_before_the_plan_reaches_the_tpm_answers_409_with_the_reason()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"A-5","ticketholder":{"id":"th-a5","name":"Jordan"}}"""));
        using var recorded = await client.PostAsync("/api/v1/tickets/A-5/iwps", Json(SampleIwp(Signed)));
        var iwpId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iwpId").GetString();
        await UntilAsync(async () => (await client.GetStringAsync("/api/v1/instances/ticket:P00001:A-5")).Contains("IwpSigned", StringComparison.Ordinal));

        using var response = await client.PostAsync($"/api/v1/tickets/A-5/iwps/{iwpId}/amendments", Json(Amendment(Amended, Amended)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("IwpSigned", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_of_a_missing_iwp_or_of_an_amendment_answers_404()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-6");
        using var first = await client.PostAsync($"/api/v1/tickets/A-6/iwps/{iwpId}/amendments", Json(Amendment(Amended, Amended)));
        var amendmentId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amendmentId").GetString();
        await RecordsAsync(client, "A-6", 2);

        using var missing = await client.PostAsync("/api/v1/tickets/A-6/iwps/iwp-nope/amendments", Json(Amendment(Amended, Amended)));
        using var ofAmendment = await client.PostAsync($"/api/v1/tickets/A-6/iwps/{amendmentId}/amendments", Json(Amendment(Amended, Amended)));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ofAmendment.StatusCode);
    }

    [Fact]
    public async Task Another_ens_iwps_answer_404_on_every_iwp_endpoint()
    {
        using var owner = _host.Client(_host.FirstEnKey);
        using var other = _host.Client(_host.SecondEnKey);
        var iwpId = await SubmittedIwpAsync(owner, "A-7");

        var answers = new[]
        {
            await other.PostAsync($"/api/v1/tickets/A-7/iwps/{iwpId}/amendments", Json(Amendment(Amended, Amended))),
            await other.PostAsync("/api/v1/tickets/A-7/iwps", Json(SampleIwp(Signed))),
            await other.GetAsync("/api/v1/tickets/A-7/iwps"),
            await other.GetAsync($"/api/v1/tickets/A-7/iwps/{iwpId}"),
            await other.GetAsync($"/api/v1/tickets/A-7/iwps/{iwpId}/document"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Single((await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/A-7/iwps"))!);
    }

    [Fact]
    public async Task An_amendment_document_of_the_wrong_type_answers_415_and_an_amended_plan_sent_as_an_event_answers_400()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-8");

        using var wrongType = await client.PostAsync($"/api/v1/tickets/A-8/iwps/{iwpId}/amendments", Multipart(Amendment(Amended, Amended), Pdf, "text/html"));
        using var asEvent = await client.PostAsync("/api/v1/tickets/A-8/events", Json($$"""{"type":"IwpAmended","on":"{{Amended:yyyy-MM-dd}}","amendmentId":"x"}"""));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asEvent.StatusCode);
        Assert.Contains("amendments", (await asEvent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/A-8/iwps"))!);
    }

    [Fact]
    public async Task A_repeated_amendment_with_the_same_idempotency_key_is_recorded_once()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var iwpId = await SubmittedIwpAsync(client, "A-9");
        HttpRequestMessage Post() => new(HttpMethod.Post, $"/api/v1/tickets/A-9/iwps/{iwpId}/amendments")
        {
            Content = Json(Amendment(Amended, Amended)),
            Headers = { { "Idempotency-Key", "amend-A-9" } },
        };

        using var first = await client.SendAsync(Post());
        using var repeat = await client.SendAsync(Post());

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(2, (await RecordsAsync(client, "A-9", 2)).Length);
    }
}
