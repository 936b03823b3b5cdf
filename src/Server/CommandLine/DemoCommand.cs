using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketFlow.Api.Security;
using TicketFlow.Server.Hosting;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow demo [--url http://localhost:5080] [--key tf_...]</c>: plays a whole ticket through the HTTP API of a
/// running host: register, submit the sample IWP, record submission, TPM receipt and a compliant review, log a two-way
/// contact, and show the ticket's deadlines and timeline. The key defaults to the first-run key in the data folder.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CommandLineServices services)
    {
        var url = new Option<string?>("--url") { Description = $"The host's address; default {ServerDefaults.Url}." };
        var key = new Option<string?>("--key") { Description = "An EN's API key; default the first-run key in the data folder (Data__Folder, or the per-user default)." };
        var command = new Command("demo", "Play a whole ticket through the HTTP API of a running TicketFlow host.") { url, key };
        command.SetAction(async (parseResult, ct) =>
        {
            var firstKey = DataFolder.FromEnvironment().FirstApiKeyFile;
            var apiKey = parseResult.GetValue(key) ?? (File.Exists(firstKey) ? (await File.ReadAllTextAsync(firstKey, ct)).Trim() : null);
            if (apiKey is null || !ApiKey.TryParse(apiKey, out _))
            {
                return services.BadInput($"no API key: pass --key, or start 'ticketflow serve' once on embedded defaults to create {firstKey}");
            }

            if (!Uri.TryCreate(parseResult.GetValue(url) ?? ServerDefaults.Url, UriKind.Absolute, out var baseAddress))
            {
                return services.BadInput("--url is not an absolute URL");
            }

            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
            var today = DateOnly.FromDateTime(DateTime.Now);
            var ticket = $"DEMO-{DateTime.UtcNow:yyyyMMddHHmmss}";
            var day = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            try
            {
                await Step(http, services, "register the ticket", "/api/v1/tickets",
                    $$"""{"ticketNumber":"{{ticket}}","ticketholder":{"id":"th-{{ticket}}","name":"Demo Ticketholder","email":"demo@mail.example"},"staffId":"s1"}""", ct);
                var iwp = (await SampleIwpAsync(ct)).Replace("2025-06-03", day, StringComparison.Ordinal).Replace("2025-06-02", day, StringComparison.Ordinal);
                await Step(http, services, "submit the signed IWP", $"/api/v1/tickets/{ticket}/iwps", iwp, ct);
                foreach (var (what, body) in new[]
                {
                    ("record the submission to the TPM", $$"""{"type":"IwpSubmitted","on":"{{day}}"}"""),
                    ("record the TPM's receipt", $$"""{"type":"TpmReceiptRecorded","on":"{{day}}"}"""),
                    ("record a compliant review (the ticket is assigned)", $$"""{"type":"ReviewDecisionRecorded","on":"{{day}}","compliant":true}"""),
                })
                {
                    await Retry(() => Step(http, services, what, $"/api/v1/tickets/{ticket}/events", body, ct), ct);
                }

                await Retry(() => Step(http, services, "log a two-way contact", $"/api/v1/tickets/{ticket}/contacts",
                    $$"""{"on":"{{today:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"Demo: talked about the job search."}""", ct), ct);
                await Task.Delay(500, ct);
                services.Output.WriteLine($"GET /api/v1/tickets/{ticket}");
                services.Output.WriteLine(Pretty(await http.GetStringAsync($"/api/v1/tickets/{ticket}", ct)));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is HttpRequestException or DemoStepException or TaskCanceledException)
            {
                return services.BadInput($"demo stopped: {e.Message}");
            }
        });
        return command;
    }

    // samples/iwp.json, built into the tool so that the demo runs from any directory.
    private static async Task<string> SampleIwpAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream("TicketFlow.Server.samples.iwp.json")
            ?? throw new InvalidOperationException("the sample IWP is missing from this build");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    private static async Task Step(HttpClient http, CommandLineServices services, string what, string path, string json, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoStepException($"{what}: {(int)response.StatusCode} {body}", (int)response.StatusCode);
        }

        services.Output.WriteLine($"{what}: {(int)response.StatusCode}");
        services.Output.WriteLine(Pretty(body));
    }

    private static async Task Retry(Func<Task> step, CancellationToken ct)
    {
        // The workflow applies each event asynchronously; a 409 right after the previous step means "not applied yet".
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (DemoStepException e) when (e.Status == 409 && attempt < 40)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    private static string Pretty(string json)
    {
        try
        {
            return "  " + JsonDocument.Parse(json).RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return "  " + json;
        }
    }

    private sealed class DemoStepException(string message, int status) : Exception(message)
    {
        public int Status { get; } = status;
    }
}
