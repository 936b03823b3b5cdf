using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api.Idempotency;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Contacts;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Idempotency;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    private static HttpRequestMessage Contact(string ticket, string key, string notes) => new(HttpMethod.Post, $"/api/v1/tickets/{ticket}/contacts")
    {
        Content = Json($$"""{"on":"{{Recently:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"{{notes}}"}"""),
        Headers = { { "Idempotency-Key", key } },
    };

    [Fact]
    public async Task A_multipart_retry_with_a_new_boundary_gets_the_first_answer_not_422()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        using var client = host.Client(host.FirstEnKey);
        var receivedOn = Recently.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        HttpRequestMessage Open(string boundary)
        {
            // The same parts as DisputeForm, framed with the boundary each client library picks for itself.
            var form = new MultipartFormDataContent(boundary);
            foreach (var part in DisputeForm("D-retry", receivedOn))
            {
                form.Add(part);
            }

            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/disputes") { Content = form, Headers = { { "Idempotency-Key", "open-D-retry" } } };
        }

        using var first = await client.SendAsync(Open("curl-------------------------a1b2c3"));
        using var retry = await client.SendAsync(Open("python-requests-9f8e7d6c"));
        using var different = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/disputes")
        {
            Content = DisputeForm("D-other", receivedOn),
            Headers = { { "Idempotency-Key", "open-D-retry" } },
        });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_request_holds_the_key_only_for_its_lease_then_the_retry_records_the_contact_once()
    {
        await using var host = await ApiHost.StartAsync(azurite, "--Api:IdempotencyLease=00:00:30");
        using var client = host.Client(host.FirstEnKey);
        await AssignAsync(client, "I-1", Recently);
        var store = host.App.Services.GetRequiredService<IIdempotencyStore>();

        // The hash a claim carries is the request's (not the key's): learn it from a first request under another key.
        using (var probe = await client.SendAsync(Contact("I-1", "probe", "crash test")))
        {
            Assert.Equal(HttpStatusCode.Accepted, probe.StatusCode);
        }

        var hash = (await store.TryClaimAsync(new IdempotencyRecord("P00001", "probe", "", 0, null, null, [], DateTimeOffset.UtcNow), TimeSpan.FromSeconds(30), CancellationToken.None))!.RequestHash;

        // Two claims as a host killed mid-request leaves them: one from an hour ago, one from just now.
        Assert.Null(await store.TryClaimAsync(new IdempotencyRecord("P00001", "stale", hash, 0, null, null, [], DateTimeOffset.UtcNow.AddHours(-1)), TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Null(await store.TryClaimAsync(new IdempotencyRecord("P00001", "live", hash, 0, null, null, [], DateTimeOffset.UtcNow), TimeSpan.FromSeconds(30), CancellationToken.None));

        using var live = await client.SendAsync(Contact("I-1", "live", "crash test"));
        using var stale = await client.SendAsync(Contact("I-1", "stale", "crash test"));
        using var again = await client.SendAsync(Contact("I-1", "stale", "crash test"));

        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        Assert.InRange(int.Parse(live.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 30);
        Assert.Equal(HttpStatusCode.Accepted, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(stale.Headers.Location, again.Headers.Location);
        var notes = await PollAsync(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/I-1/case-notes"), n => n.Length >= 2);
        Assert.Equal(2, notes.Length); // the probe's and the stale key's: the retry performed it once
    }

    [Fact]
    public async Task Of_several_retries_that_find_one_expired_claim_exactly_one_takes_it_over()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        var store = host.App.Services.GetRequiredService<IIdempotencyStore>();
        var expired = new IdempotencyRecord("P00001", "expired", "h", 0, null, null, [], DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Null(await store.TryClaimAsync(expired, TimeSpan.FromSeconds(30), CancellationToken.None));

        var retry = expired with { CreatedAt = DateTimeOffset.UtcNow };
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryClaimAsync(retry, TimeSpan.FromSeconds(30), CancellationToken.None)));
        var otherRequest = await store.TryClaimAsync(retry with { RequestHash = "other" }, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.True(r!.InProgress));
        Assert.NotNull(otherRequest); // a different request never takes a key over: the middleware answers it 422
    }

    [Fact]
    public async Task An_answer_that_cannot_be_stored_after_the_effect_leaves_no_key_claimed_and_the_retry_answers_as_the_first()
    {
        var failing = new FailingOnce();
        await using var host = await ApiHost.StartAsync(azurite, builder =>
        {
            var registered = builder.Services.Last(d => d.ServiceType == typeof(IIdempotencyStore));
            builder.Services.AddSingleton<IIdempotencyStore>(sp => failing.Wrap(registered.ImplementationFactory is { } factory
                ? (IIdempotencyStore)factory(sp)
                : (IIdempotencyStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        });
        using var client = host.Client(host.FirstEnKey);
        await AssignAsync(client, "I-2", Recently);

        failing.Armed = true;
        using var first = await client.SendAsync(Contact("I-2", "k-500", "stored answer lost"));
        using var retry = await client.SendAsync(Contact("I-2", "k-500", "stored answer lost"));
        await PollAsync(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/I-2/case-notes"), n => n.Length >= 1);
        using var late = await client.SendAsync(Contact("I-2", "k-500", "stored answer lost"));

        Assert.Equal(1, failing.Failures);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.Location, late.Headers.Location);
        var notes = await client.GetFromJsonAsync<CaseNote[]>("/api/v1/tickets/I-2/case-notes", new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        });
        Assert.Single(notes!);
        Assert.EndsWith(notes![0].NoteId, first.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An idempotency store whose next answer fails to be stored, as when the store is briefly unreachable.</summary>
    private sealed class FailingOnce
    {
        public bool Armed { get; set; }

        public int Failures { get; private set; }

        public IIdempotencyStore Wrap(IIdempotencyStore inner) => new Store(inner, this);

        private sealed class Store(IIdempotencyStore inner, FailingOnce owner) : IIdempotencyStore
        {
            public Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, TimeSpan lease, CancellationToken cancellationToken) =>
                inner.TryClaimAsync(claim, lease, cancellationToken);

            public Task CompleteAsync(IdempotencyRecord completed, CancellationToken cancellationToken)
            {
                if (owner.Armed)
                {
                    owner.Armed = false;
                    owner.Failures++;
                    throw new IOException("storage unreachable");
                }

                return inner.CompleteAsync(completed, cancellationToken);
            }

            public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) => inner.ReleaseAsync(scope, key, cancellationToken);
        }
    }
}
