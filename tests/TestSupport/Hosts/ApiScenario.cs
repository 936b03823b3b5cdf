using System.Globalization;
using System.Text;

namespace TicketFlow.Testing.Hosts;

/// <summary>Steps API tests share: the sample IWP dated for today, a ticket brought to assignment, polling for the workflow.</summary>
public static class ApiScenario
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>samples/iwp.json with both signatures dated <paramref name="signedOn"/>.</summary>
    public static string SampleIwp(DateOnly signedOn)
    {
        var day = signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "iwp.json"))
            .Replace("\"2025-06-03\"", $"\"{day}\"", StringComparison.Ordinal)
            .Replace("\"2025-06-02\"", $"\"{day}\"", StringComparison.Ordinal);
    }

    /// <summary>A dispute request as multipart: the request JSON and, unless left out, the agreement copy.</summary>
    public static MultipartFormDataContent DisputeForm(
        string id, string receivedOn, bool notCovered = true, bool withAgreement = true, string agreementType = "application/pdf", string issues = "Milestone payment split")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent($$"""{"disputeId":"{{id}}","stateVrAgency":"State VR","requestedBy":"EmploymentNetwork","notCoveredByAgreementOrStateProcedures":{{(notCovered ? "true" : "false")}},"issues":"{{issues}}","enPosition":"Ours","stateVrAgencyPosition":"Theirs","requestReceivedOn":"{{receivedOn}}"}"""), "request" },
        };
        if (withAgreement)
        {
            form.Add(new ByteArrayContent("%PDF-1.7 agreement"u8.ToArray()) { Headers = { ContentType = new(agreementType) } }, "agreement", "agreement.pdf");
        }

        return form;
    }

    /// <summary>Registers a ticket and takes it through IWP, submission, receipt and a compliant review: assigned, in IJA.</summary>
    public static async Task AssignAsync(HttpClient client, string ticket, DateOnly on, string ticketholderName = "Jordan")
    {
        var day = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostAsync(client, "/api/v1/tickets", $$$"""{"ticketNumber":"{{{ticket}}}","ticketholder":{"id":"th-{{{ticket}}}","name":"{{{ticketholderName}}}"}}""");
        await PostAsync(client, $"/api/v1/tickets/{ticket}/iwps", SampleIwp(on));

        // The API checks each event against the status the workflow last published, so each step waits until the
        // previous one has been applied (polling the API, not sleeping a fixed time).
        foreach (var step in new[]
        {
            $$"""{"type":"IwpSubmitted","on":"{{day}}"}""",
            $$"""{"type":"TpmReceiptRecorded","on":"{{day}}"}""",
            $$"""{"type":"ReviewDecisionRecorded","on":"{{day}}","compliant":true}""",
        })
        {
            await UntilAsync(async () =>
            {
                using var response = await client.PostAsync($"/api/v1/tickets/{ticket}/events", Json(step));
                return response.IsSuccessStatusCode;
            });
        }

        await UntilAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/v1/instances/{Uri.EscapeDataString($"ticket:P00001:{ticket}")}");
            return (await response.Content.ReadAsStringAsync()).Contains("InitialJobAcquisition", StringComparison.Ordinal);
        });
    }

    /// <summary>Retries <paramref name="done"/> every 20 ms until it holds, for at most <paramref name="limit"/> (10 s by default).</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan? limit = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < (limit ?? TimeSpan.FromSeconds(10)))
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The workflow did not get there within {(limit ?? TimeSpan.FromSeconds(10)).TotalSeconds} s.");
    }

    /// <summary>Reads until <paramref name="done"/> holds (or 100 reads, 50 ms apart, have been made) and returns the last value.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T?>> read, Func<T, bool> done)
    {
        // The workflow reacts asynchronously to a raised event; poll briefly rather than sleep a fixed time.
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (value is not null && (done(value) || attempt == 100))
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TicketFlow.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    private static async Task PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, Json(json));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
