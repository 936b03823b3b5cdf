using System.Collections.Concurrent;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketFlow.Functions.Tests.Fixtures;

/// <summary>
/// A local stand-in for SendGrid's v3 Mail Send API: a small Kestrel app on a free loopback port that checks requests
/// as SendGrid does (Bearer API key, JSON shape, personalizations, from, subject, content order, categories,
/// custom_args, size) and answers 202 with an X-Message-Id. Tests can queue failures: 429 with Retry-After, 5xx,
/// 400, 401, 413. Start one per test class (it is cheap) or share it through a fixture.
/// </summary>
public sealed class SendGridStandIn : IAsyncDisposable
{
    public const string ApiKey = "SG.stand-in-key.do-not-use-anywhere-else";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ForcedAnswer> _forced = new();
    private readonly ConcurrentQueue<JsonObject> _accepted = new();
    private int _requests;

    private SendGridStandIn(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request that reached the stand-in, valid or not.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The messages answered with 202, in order.</summary>
    public IReadOnlyList<JsonObject> Accepted => _accepted.ToArray();

    /// <summary>Bodies larger than this are answered 413, as SendGrid does above 30 MB.</summary>
    public long MaxBodyBytes { get; set; } = 30L * 1024 * 1024;

    public static async Task<SendGridStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new SendGridStandIn(app);
        app.MapPost("/v3/mail/send", standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address + "/");
        return standIn;
    }

    /// <summary>Answers the next request with <paramref name="status"/> (and Retry-After seconds for a 429), before any checks.</summary>
    public void Fail(int status, int? retryAfterSeconds = null, string? errorMessage = null) =>
        _forced.Enqueue(new ForcedAnswer(status, retryAfterSeconds, errorMessage));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (_forced.TryDequeue(out var forced))
        {
            if (forced.RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Errors(forced.Status, forced.Message ?? $"forced {forced.Status}", null);
        }

        var auth = request.Headers.Authorization.ToString();
        if (auth != "Bearer " + ApiKey)
        {
            return Errors(401, "The provided authorization grant is invalid, expired, or revoked", null);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Errors(415, "Content-Type should be application/json.", null);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBodyBytes)
        {
            return Errors(413, "Payload Too Large", null);
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(buffer.ToArray()) as JsonObject ?? throw new FormatException("not an object");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return Errors(400, "Bad Request", null);
        }

        var problems = Check(body);
        if (problems.Count > 0)
        {
            return Results.Json(new { errors = problems.Select(p => new { message = p.Message, field = p.Field, help = (string?)null }) }, statusCode: 400);
        }

        _accepted.Enqueue(body);
        request.HttpContext.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N")[..22];
        return Results.StatusCode(202);
    }

    private static List<(string Message, string? Field)> Check(JsonObject body)
    {
        var problems = new List<(string, string?)>();
        if (body["personalizations"] is not JsonArray personalizations || personalizations.Count is 0 or > 1000)
        {
            problems.Add(("The personalizations field is required and must have at least one personalization.", "personalizations"));
        }
        else
        {
            for (var i = 0; i < personalizations.Count; i++)
            {
                if (personalizations[i]?["to"] is not JsonArray to || to.Count == 0)
                {
                    problems.Add(("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", $"personalizations.{i}.to"));
                    continue;
                }

                foreach (var recipient in to)
                {
                    if (!IsEmail(recipient?["email"]))
                    {
                        problems.Add(("Does not contain a valid address.", $"personalizations.{i}.to"));
                    }
                }

                if (personalizations[i]?["custom_args"] is JsonObject args && args.Any(a => a.Value?.GetValueKind() != System.Text.Json.JsonValueKind.String))
                {
                    problems.Add(("Custom args values must be strings.", $"personalizations.{i}.custom_args"));
                }
            }
        }

        if (!IsEmail(body["from"]?["email"]))
        {
            problems.Add(("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from.email"));
        }

        if (body["subject"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace((string?)body["subject"]))
        {
            problems.Add(("The subject is required.", "subject"));
        }

        if (body["content"] is not JsonArray content || content.Count == 0)
        {
            problems.Add(("Unless a valid template_id is provided, the content parameter is required.", "content"));
        }
        else
        {
            var types = content.Select(c => (string?)c?["type"]).ToList();
            if (content.Any(c => string.IsNullOrEmpty((string?)c?["type"]) || string.IsNullOrEmpty((string?)c?["value"])))
            {
                problems.Add(("Content type and value are required and must be at least one character.", "content"));
            }

            if (types.Contains("text/plain") && types[0] != "text/plain")
            {
                problems.Add(("If present, text/plain content must be first, followed by any other content.", "content"));
            }

            if (types.Distinct().Count() != types.Count)
            {
                problems.Add(("Each content type may only be used once.", "content"));
            }
        }

        if (body["categories"] is JsonArray categories
            && (categories.Count > 10 || categories.Any(c => c is null || ((string?)c)!.Length > 255) || categories.Select(c => (string?)c).Distinct().Count() != categories.Count))
        {
            problems.Add(("Categories: at most 10 unique values of at most 255 characters.", "categories"));
        }

        if (body["custom_args"] is JsonObject customArgs && customArgs.Any(a => a.Value?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            problems.Add(("Custom args values must be strings.", "custom_args"));
        }

        return problems;
    }

    private static bool IsEmail(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String && MailAddress.TryCreate((string?)node, out _);

    private static IResult Errors(int status, string message, string? field) =>
        Results.Json(new { errors = new[] { new { message, field, help = (string?)null } } }, statusCode: status);

    private sealed record ForcedAnswer(int Status, int? RetryAfterSeconds, string? Message);
}
