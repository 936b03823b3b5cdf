using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>
/// The hostile request classes that once got past the API to a later failure, one generator each. Every request is
/// one the API must refuse (4xx) without changing anything; <see cref="HostileRequestTests"/> sends them against a host
/// with T-1 registered and T-2 assigned.
/// </summary>
public static partial class Hostile
{
    public static readonly string[] Classes =
        ["dates", "filters", "lists", "tokens", "escaping", "documents", "chunked", "multipart", "choices", "ids"];

    public static readonly string[] DisputeIds = ["D-esc", "D-fake", "D-date", "D-big"];

    /// <summary>What an error body must never show: a .NET type, a namespace, or the binding's own words.</summary>
    [GeneratedRegex(@"TicketFlow\.|System\.|Microsoft\.|parameter ""|Nullable`|\bat [A-Z][A-Za-z]+\.[A-Za-z]+\(")]
    public static partial Regex InternalNames { get; }

    private static readonly string[] Extremes = ["0001-01-01", "9999-12-31", "1985-12-31", "9999-12-30", "2211-01-01", "1900-02-28"];

    public static (string Class, HttpClient Client, HttpRequestMessage Request) Generate(ApiHost host, Random random, int i)
    {
        var name = Classes[(i / 2) % Classes.Length];
        var client = host.Client(host.FirstEnKey);
        var date = Extremes[random.Next(Extremes.Length)];
        HttpRequestMessage request = name switch
        {
            // Dates the rules cannot count from, at both ends, in every kind of body that carries one.
            "dates" => random.Next(6) switch
            {
                0 => Post("/api/v1/tickets/T-2/events", $$"""{"type":"WorkStarted","on":"{{date}}"}"""),
                1 => Post("/api/v1/tickets/T-2/contacts", $$"""{"on":"{{date}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"x"}"""),
                2 => Post("/api/v1/tickets/T-2/no-contact-requests", $$"""{"on":"{{date}}","staffId":"s1","notes":"x"}"""),
                3 => Post("/api/v1/reviews", $$"""{"reviewId":"R-date","receivedOn":"{{date}}","dueOn":"{{date}}","ticketNumbers":["T-1"]}"""),
                4 => Post("/api/v1/reviews", $$"""{"reviewId":"R-due","receivedOn":"2026-01-02","dueOn":"{{(date.StartsWith('0') || date.StartsWith('1') ? "9999-12-31" : date)}}","ticketNumbers":["T-1"]}"""),
                _ => Form("/api/v1/disputes", DisputeRequest("D-date", date, "Issues"), Pdf()),
            },

            // Filters near the ends of DateOnly and DateTimeOffset.
            "filters" => new HttpRequestMessage(HttpMethod.Get, random.Next(5) switch
            {
                0 => $"/api/v1/deadlines?from={date}&to=9999-12-31",
                1 => $"/api/v1/deadlines?from=0001-01-01&to={date}",
                2 => $"/api/v1/tickets/T-2/case-notes?from={date}&to=9999-12-31",
                3 => $"/api/v1/instances?createdTimeFrom={date}T23:59:59Z",
                _ => $"/api/v1/instances?createdTimeTo={date}T00:00:00%2B14:00",
            }),

            // Entries of a list, each of which a later step turns into a storage key.
            "lists" => Post("/api/v1/reviews", random.Next(5) switch
            {
                0 => $$"""{"reviewId":"R-1","receivedOn":"2026-01-02","dueOn":"2026-02-02","ticketNumbers":["T-1","{{new string('9', 2000)}}"]}""",
                1 => $$"""{"reviewId":"R-1","receivedOn":"2026-01-02","dueOn":"2026-02-02","ticketNumbers":[{{string.Join(",", Enumerable.Range(0, 501).Select(n => $"\"T-{n}\""))}}]}""",
                2 => """{"reviewId":"R-1","receivedOn":"2026-01-02","dueOn":"2026-02-02","ticketNumbers":["T-1",null]}""",
                3 => """{"reviewId":"R-1","receivedOn":"2026-01-02","dueOn":"2026-02-02","ticketNumbers":["../T-1","T-1"]}""",
                _ => """{"reviewId":"R-1","receivedOn":"2026-01-02","dueOn":"2026-02-02","ticketNumbers":[]}""",
            }),

            // Continuation tokens the API never handed out.
            "tokens" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/instances?continuationToken=" + Uri.EscapeDataString(random.Next(6) switch
            {
                0 => "garbage",
                1 => "v1.!!!!",
                2 => "v1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("not-a-number|x")).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                3 => "v1." + new string('A', 5000),
                4 => "v1.gA",
                _ => "123|ticket:P00001:T-1",
            })),

            // Text within its documented length that grows past it when stored (quotes and § are escaped).
            "escaping" => random.Next(3) switch
            {
                0 => Form("/api/v1/disputes", DisputeRequest("D-esc", "2026-01-05", string.Concat(Enumerable.Repeat("\\\"§", 2634)) + "x"), Pdf()),
                1 => Post("/api/v1/tickets/T-2/contacts", $$"""{"on":"2026-01-05","method":"Phone","staffId":"s1","twoWay":true,"notes":"{{string.Concat(Enumerable.Repeat("\\\"§<", 1000))}}"}"""),
                _ => Post("/api/v1/tickets", $$$"""{"ticketNumber":"T-esc","ticketholder":{"id":"th-esc","name":"{{{string.Concat(Enumerable.Repeat("§", 150))}}}"}}"""),
            },

            // Documents whose bytes are not the type they claim.
            "documents" => random.Next(3) switch
            {
                0 => Form("/api/v1/disputes", DisputeRequest("D-fake", "2026-01-05", "Issues"), Part("MZ\u0090 not a pdf", "agreement", "agreement.pdf", "application/pdf")),
                1 => Form("/api/v1/tickets/T-1/iwps", ("iwp", new StringContent(ApiScenario.SampleIwp(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)))),
                    Part("<html><script>alert(1)</script></html>", "document", "plan.pdf", "application/pdf")),
                _ => Form("/api/v1/tickets/T-1/iwps", ("iwp", new StringContent(ApiScenario.SampleIwp(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)))),
                    Part("%PDF-1.7 but called a PNG", "document", "scan.png", "image/png")),
            },

            // Bodies over the cap without a Content-Length.
            "chunked" => Chunked(random.Next(2) == 0 ? "/api/v1/tickets/T-2/contacts" : "/api/v1/tickets/T-1/iwps", 300 * 1024 + random.Next(2 * 1024 * 1024)),

            // Multipart bodies whose framing is broken.
            "multipart" => random.Next(4) switch
            {
                0 => Raw("/api/v1/disputes", "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--x--"),
                1 => Raw("/api/v1/disputes", "multipart/form-data; boundary=" + new string('b', 300), "--b\r\n\r\n--b--"),
                2 => Raw("/api/v1/disputes", "multipart/form-data; boundary=abc", "--xyz\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--xyz--\r\n"),
                _ => Raw("/api/v1/tickets/T-1/iwps", "multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"iwp\"\r\n\r\n{\"signatures\":"),
            },

            // Choices spelt wrong, in bodies and in the query.
            "choices" => random.Next(4) switch
            {
                0 => Post("/api/v1/tickets/T-2/contacts", """{"on":"2026-01-05","method":"Telepathy","staffId":"s1","twoWay":true,"notes":"x"}"""),
                1 => new HttpRequestMessage(HttpMethod.Get, "/api/v1/deadlines?state=Exploded"),
                2 => Post("/api/v1/tickets/T-2/events", """{"type":"TicketUnassigned","on":"2026-01-05","reason":"Boredom"}"""),
                _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/instances?runtimeStatus=Exploded"),
            },

            // Ids a later step would refuse as storage keys.
            _ => random.Next(3) switch
            {
                0 => Post("/api/v1/tickets", $$$"""{"ticketNumber":"{{{new string('T', 2000)}}}","ticketholder":{"id":"th","name":"x"}}"""),
                1 => Post("/api/v1/tickets", """{"ticketNumber":"T 1","ticketholder":{"id":"th/1","name":"x"}}"""),
                _ => Form("/api/v1/disputes", DisputeRequest("D/../x", "2026-01-05", "Issues"), Pdf()),
            },
        };
        if (random.Next(5) == 0 && request.Method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", $"hostile-{i % 11}");
        }

        return (name, client, request);
    }

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Raw(string path, string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage Chunked(string path, int size)
    {
        var content = new StreamContent(new UnknownLengthStream(size));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    private static string DisputeRequest(string id, string receivedOn, string issues) =>
        $$"""{"disputeId":"{{id}}","stateVrAgency":"State VR","requestedBy":"EmploymentNetwork","notCoveredByAgreementOrStateProcedures":true,"issues":"{{issues}}","enPosition":"Ours","stateVrAgencyPosition":"Theirs","requestReceivedOn":"{{receivedOn}}"}""";

    private static (string, HttpContent) Pdf() => Part("%PDF-1.7 agreement", "agreement", "agreement.pdf", "application/pdf");

    private static (string, HttpContent) Part(string bytes, string name, string fileName, string contentType)
    {
        var part = new ByteArrayContent(Encoding.Latin1.GetBytes(bytes));
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = $"\"{fileName}\"" };
        return (name, part);
    }

    private static HttpRequestMessage Form(string path, (string Name, HttpContent Content) first, (string Name, HttpContent Content) second)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in new[] { first, second })
        {
            if (content.Headers.ContentDisposition is null)
            {
                form.Add(content, name);
            }
            else
            {
                form.Add(content);
            }
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
    }

    private static HttpRequestMessage Form(string path, string json, (string Name, HttpContent Content) file) =>
        Form(path, ("request", new StringContent(json)), file);

    /// <summary>A body of <c>size</c> bytes of JSON-looking text whose length is not known in advance: sent chunked.</summary>
    private sealed class UnknownLengthStream(int size) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, size - _sent);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            if (_sent == 0 && n > 0)
            {
                buffer[offset] = (byte)'{';
            }

            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
