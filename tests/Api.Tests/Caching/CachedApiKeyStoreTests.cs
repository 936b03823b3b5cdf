using TicketFlow.Api.Caching;
using TicketFlow.Api.Security;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Tests.Caching;

public sealed class CachedApiKeyStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly VirtualTimeProvider _time = new(Start);
    private readonly CountingKeyStore _inner = new();

    private CachedApiKeyStore Store(TimeSpan keepFor) => new(_inner, new ExpiringCache<ApiKeyRecord>(_time, keepFor));

    private static ApiKeyRecord Key(string id) => new(id, "P00001", "cms", new string('a', 64), Start, null);

    [Fact]
    public async Task A_key_is_read_from_storage_once_within_the_cache_duration_and_again_after_it()
    {
        _inner.Records["k1"] = Key("k1");
        var store = Store(TimeSpan.FromSeconds(30));

        await store.FindAsync("k1", default);
        await store.FindAsync("k1", default);
        _time.Advance(TimeSpan.FromSeconds(29));
        await store.FindAsync("k1", default);
        Assert.Equal(1, _inner.Reads);

        _time.Advance(TimeSpan.FromSeconds(1));
        await store.FindAsync("k1", default);
        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public async Task A_key_revoked_through_this_host_is_read_revoked_at_once()
    {
        _inner.Records["k1"] = Key("k1");
        var store = Store(TimeSpan.FromMinutes(5));
        Assert.Null((await store.FindAsync("k1", default))!.RevokedAt);

        await store.RevokeAsync("P00001", "k1", Start, default);

        Assert.Equal(Start, (await store.FindAsync("k1", default))!.RevokedAt);
    }

    [Fact]
    public async Task A_missing_key_is_not_cached_so_a_key_created_a_moment_later_works()
    {
        var store = Store(TimeSpan.FromMinutes(5));
        Assert.Null(await store.FindAsync("k2", default));

        _inner.Records["k2"] = Key("k2");

        Assert.NotNull(await store.FindAsync("k2", default));
    }

    [Fact]
    public async Task A_zero_duration_reads_storage_every_time()
    {
        _inner.Records["k1"] = Key("k1");
        var store = Store(TimeSpan.Zero);

        await store.FindAsync("k1", default);
        await store.FindAsync("k1", default);

        Assert.Equal(2, _inner.Reads);
    }

    private sealed class CountingKeyStore : IApiKeyStore
    {
        public Dictionary<string, ApiKeyRecord> Records { get; } = [];

        public int Reads { get; private set; }

        public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(Records.GetValueOrDefault(keyId));
        }

        public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> RevokeAsync(string enPid, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
        {
            Records[keyId] = Records[keyId] with { RevokedAt = revokedAt };
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string enPid, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. Records.Values]);
    }
}
