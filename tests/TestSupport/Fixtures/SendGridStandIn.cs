using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TicketFlow.Testing.Fixtures;

/// <summary>
/// SendGrid's v3 Mail Send API stood in for by WireMock.Net on loopback. It answers as SendGrid does: 202 with an
/// X-Message-Id for a message of the right shape (personalizations with valid to addresses, from, subject, content
/// with text/plain first, at most 10 unique categories, string custom args) sent with the Bearer API key; 401 for any
/// other key; 413 above <see cref="MaxBodyBytes"/>; 400 with SendGrid's error shape otherwise. Tests can queue
/// answers that come first, in order: 429 with Retry-After, 5xx, 400, 401, 403, 413.
/// </summary>
public sealed class SendGridStandIn : IAsyncDisposable
{
    public const string ApiKey = "SG.stand-in-key.do-not-use-anywhere-else";

    private const string MailSend = "/v3/mail/send";
    private const string ForcedScenario = "forced answers";
    private static readonly Guid AcceptedMapping = Guid.Parse("5e2d0000-0000-4000-8000-000000000202");
    private static readonly Guid RecipientFailureMapping = Guid.Parse("5e2d0000-0000-4000-8000-000000000503");

    private readonly WireMockServer _server;
    private int _forced;

    private SendGridStandIn(WireMockServer server) => _server = server;

    public Uri BaseUrl => new(_server.Url! + "/");

    /// <summary>Every request that reached Mail Send, valid or not.</summary>
    public int RequestCount => _server.LogEntries.Count(e => e.RequestMessage.Path == MailSend);

    /// <summary>The messages answered with 202, in order.</summary>
    public IReadOnlyList<JsonObject> Accepted => _server.LogEntries
        .Where(e => e.MappingGuid == AcceptedMapping)
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!.AsObject())
        .ToList();

    /// <summary>The recipients of the accepted messages, in order.</summary>
    public IReadOnlyList<string> AcceptedRecipients => Accepted.Select(m => (string)m["personalizations"]![0]!["to"]![0]!["email"]!).ToList();

    /// <summary>Bodies larger than this are answered 413, as SendGrid does above 30 MB.</summary>
    public long MaxBodyBytes { get; set; } = 30L * 1024 * 1024;

    public static Task<SendGridStandIn> StartAsync()
    {
        var standIn = new SendGridStandIn(LoopbackWireMock.Start());
        standIn.MapSendGrid();
        return Task.FromResult(standIn);
    }

    /// <summary>Answers the next request not yet answered by an earlier call with <paramref name="status"/> (and Retry-After seconds for a 429), before any checks.</summary>
    public void Fail(int status, int? retryAfterSeconds = null, string? errorMessage = null)
    {
        var answer = Errors(status, errorMessage ?? $"forced {status}");
        if (retryAfterSeconds is { } seconds)
        {
            answer = answer.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        // A chain of states: the first forced answer is the scenario's start, each one moves it on to the next, and
        // once past the last none matches and SendGrid's own answers below apply.
        var n = _forced++;
        var mapping = _server.Given(Request.Create().WithPath(MailSend).UsingPost()).AtPriority(1).InScenario(ForcedScenario);
        if (n > 0)
        {
            mapping = mapping.WhenStateIs($"after {n}");
        }

        mapping.WillSetStateTo($"after {n + 1}").RespondWith(answer);
    }

    /// <summary>Answers <paramref name="status"/> to every message for <paramref name="recipient"/> until <see cref="Recover"/>.</summary>
    public void FailFor(string recipient, int status) =>
        _server.Given(Request.Create().WithPath(MailSend).UsingPost().WithBody((string? body) => body?.Contains($"\"{recipient}\"", StringComparison.OrdinalIgnoreCase) == true))
            .AtPriority(2)
            .WithGuid(RecipientFailureMapping)
            .RespondWith(Errors(status, $"forced {status} for this recipient"));

    /// <summary>Ends <see cref="FailFor"/>.</summary>
    public void Recover() => _server.DeleteMapping(RecipientFailureMapping);

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private void MapSendGrid()
    {
        IRequestBuilder Authorized() => Request.Create().WithPath(MailSend).UsingPost().WithHeader("Authorization", "Bearer " + ApiKey);

        _server.Given(Authorized().WithHeader("Content-Type", "application/json*").WithBody((string? body) => Fits(body) && Problems(body).Count == 0))
            .AtPriority(10)
            .WithGuid(AcceptedMapping)
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "{{Random Type=\"Guid\"}}").WithTransformer());
        _server.Given(Authorized().WithBody((string? body) => !Fits(body)))
            .AtPriority(11)
            .RespondWith(Errors(413, "Payload Too Large"));
        _server.Given(Authorized())
            .AtPriority(12)
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(req => ErrorBody(Problems(req.Body))));
        _server.Given(Request.Create().WithPath(MailSend).UsingPost())
            .AtPriority(13)
            .RespondWith(Errors(401, "The provided authorization grant is invalid, expired, or revoked"));
    }

    private bool Fits(string? body) => System.Text.Encoding.UTF8.GetByteCount(body ?? string.Empty) <= MaxBodyBytes;

    private static IResponseBuilder Errors(int status, string message) =>
        Response.Create().WithStatusCode(status).WithBodyAsJson(ErrorBody([(message, null)]));

    private static object ErrorBody(IEnumerable<(string Message, string? Field)> problems) =>
        new { errors = problems.Select(p => new { message = p.Message, field = p.Field, help = (string?)null }).ToArray() };

    /// <summary>What SendGrid would refuse in a Mail Send body, with the field it names.</summary>
    private static List<(string Message, string? Field)> Problems(string? text)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return [("Bad Request", null)];
        }

        var problems = new List<(string, string?)>();
        if (body["personalizations"] is not JsonArray personalizations || personalizations.Count is 0 or > 1000)
        {
            problems.Add(("The personalizations field is required and must have at least one personalization.", "personalizations"));
        }
        else
        {
            for (var i = 0; i < personalizations.Count; i++)
            {
                if (personalizations[i]?["to"] is not JsonArray to || to.Count == 0 || to.Any(r => !IsEmail(r?["email"])))
                {
                    problems.Add(("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", $"personalizations.{i}.to"));
                }
            }
        }

        if (!IsEmail(body["from"]?["email"]))
        {
            problems.Add(("The from object must be provided for every email send.", "from.email"));
        }

        if (body["subject"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string?)body["subject"]))
        {
            problems.Add(("The subject is required.", "subject"));
        }

        var types = (body["content"] as JsonArray)?.Select(c => (string?)c?["type"]).ToList() ?? [];
        if (types.Count == 0 || types.Any(string.IsNullOrEmpty) || (types.Contains("text/plain") && types[0] != "text/plain") || types.Distinct().Count() != types.Count)
        {
            problems.Add(("Content is required; text/plain, if present, must be first; each type once.", "content"));
        }

        if (body["categories"] is JsonArray categories
            && (categories.Count > 10 || categories.Any(c => c is null || ((string?)c)!.Length > 255) || categories.Select(c => (string?)c).Distinct().Count() != categories.Count))
        {
            problems.Add(("Categories: at most 10 unique values of at most 255 characters.", "categories"));
        }

        if (body["custom_args"] is JsonObject customArgs && customArgs.Any(a => a.Value?.GetValueKind() != JsonValueKind.String))
        {
            problems.Add(("Custom args values must be strings.", "custom_args"));
        }

        return problems;
    }

    private static bool IsEmail(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && MailAddress.TryCreate((string?)node, out _);
}
