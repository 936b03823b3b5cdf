using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using DurableTask.Core.Exceptions;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. All writes go through one writer loop that groups every write
/// queued meanwhile into one transaction (group commit), each write in its own savepoint so a failing write does not
/// undo the others. Reads use a small pool of reader connections (WAL lets them run beside the writer).
/// See docs/durable-design.md for the tables and the transaction of one episode.
/// </summary>
public sealed class SqliteOrchestrationStore : IOrchestrationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            status INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            last_updated_at INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            execution_id TEXT,
            parent_instance_id TEXT,
            history_count INTEGER NOT NULL DEFAULT 0,
            lock_owner TEXT,
            lock_expires INTEGER,
            tags TEXT);
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at);
        CREATE INDEX IF NOT EXISTS ix_instances_lock ON instances (lock_owner) WHERE lock_owner IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_instances_parent ON instances (parent_instance_id) WHERE parent_instance_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            event TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            event TEXT NOT NULL,
            held INTEGER);
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id, id);
        CREATE TABLE IF NOT EXISTS timers (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            event TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_timers_due ON timers (due_at);
        CREATE INDEX IF NOT EXISTS ix_timers_instance ON timers (instance_id);
        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            lock_owner TEXT,
            lock_expires INTEGER);
        CREATE INDEX IF NOT EXISTS ix_activities_instance ON activities (instance_id);
        """;

    private static readonly string[] RenewSql =
    [
        "UPDATE instances SET lock_expires = $e WHERE lock_owner = $o",
        "UPDATE activities SET lock_expires = $e WHERE lock_owner = $o",
    ];

    private static readonly string[] ReleaseSql =
    [
        "UPDATE instances SET lock_owner = NULL, lock_expires = NULL WHERE lock_owner = $o",
        "UPDATE activities SET lock_owner = NULL, lock_expires = NULL WHERE lock_owner = $o",
    ];

    /// <summary>How many held messages (events no one waited for yet) an episode loads, oldest first.</summary>
    internal const int HeldMessagesPerEpisode = 64;

    /// <summary>How many of the worker's writes a batch with writes a caller waits for takes (see WriterLoop).</summary>
    private const int WorkerWritesBesideCallers = 8;

    /// <summary>How many parsed messages the store keeps for the episodes that read them again.</summary>
    private const int ParsedMessagesKept = 8192;

    private static readonly string[] ChildTables = ["history", "messages", "timers", "activities"];

    private const string InstanceColumns = "instance_id, name, version, status, created_at, last_updated_at, failure, execution_id, parent_instance_id, history_count, tags";
    private const string PayloadColumns = ", input, output, custom_status";

    private readonly SqliteStoreOptions options;
    private readonly TimeProvider time;
    private readonly string connectionString;
    private readonly Channel<WriteOp> writes = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<Connection> readers = [];

    // Held messages are read again by every episode of their instance until a waiter takes them, and parsing them is
    // most of what loading an episode costs. Each is parsed once: an entry is used only for the exact text it was
    // parsed from, so a row id SQLite reuses after a delete can never hand back another event.
    private readonly ConcurrentDictionary<long, (string Text, HistoryEvent Event)> parsedMessages = new();
    private readonly Lock listenerGate = new();
    private readonly Lock initGate = new();
    private Action<string>[] listeners = [];
    private volatile IWorkNotifier? notifier;
    private Connection? writer;
    private Task? writerLoop;
    private int disposed;
    private long committedTransactions;
    private long committedWrites;

    /// <summary>Creates the store; call <see cref="InitializeAsync"/> before use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock (virtual in tests).</param>
    public SqliteOrchestrationStore(SqliteStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        if (options.LeaseDuration <= TimeSpan.Zero || options.MaxWritesPerTransaction < 1)
        {
            throw new ArgumentException(
                $"{nameof(SqliteStoreOptions)} is invalid: {nameof(options.LeaseDuration)} must be positive (is {options.LeaseDuration}) and " +
                $"{nameof(options.MaxWritesPerTransaction)} at least 1 (is {options.MaxWritesPerTransaction}).", nameof(options));
        }

        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        LeaseOwner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <inheritdoc />
    public string LeaseOwner { get; }

    /// <summary>SQLite transactions the writer has committed (each groups many writes).</summary>
    public long CommittedTransactions => Interlocked.Read(ref committedTransactions);

    /// <summary>Writes (episodes, activity results, client calls, timer firings) the writer has committed.</summary>
    public long CommittedWrites => Interlocked.Read(ref committedWrites);

    /// <summary>The options in use.</summary>
    public SqliteStoreOptions Options => options;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long LeaseExpiryMs => NowMs + (long)options.LeaseDuration.TotalMilliseconds;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        lock (initGate)
        {
            if (writer is null)
            {
                Initialize();
            }
        }

        return Task.CompletedTask;
    }

    private void Initialize()
    {

        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        writer = OpenConnection();
        writer.Execute("PRAGMA journal_mode=WAL;");
        writer.Execute(options.Durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        writer.Execute(Schema);
        using (var tags = writer.Inner.CreateCommand())
        {
            // Databases created before instance tags existed get the column (NULL: no tags).
            tags.CommandText = "SELECT COUNT(*) FROM pragma_table_info('instances') WHERE name = 'tags'";
            if ((long)tags.ExecuteScalar()! == 0)
            {
                writer.Execute("ALTER TABLE instances ADD COLUMN tags TEXT;");
            }

            // Likewise the mark of a message an episode read and left (NULL: it makes its instance ready).
            tags.CommandText = "SELECT COUNT(*) FROM pragma_table_info('messages') WHERE name = 'held'";
            if ((long)tags.ExecuteScalar()! == 0)
            {
                writer.Execute("ALTER TABLE messages ADD COLUMN held INTEGER;");
            }
        }

        // A thread of its own: each commit blocks on the disk, and a blocked thread-pool thread is one the hosted HTTP
        // requests and activities cannot use (on two cores, that doubled request latency under load).
        writerLoop = Task.Factory.StartNew(WriterLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public void AttachWorker(IWorkNotifier? notifier) => this.notifier = notifier;

    /// <inheritdoc />
    public IDisposable SubscribeInstanceUpdates(Action<string> listener)
    {
        lock (listenerGate)
        {
            listeners = [.. listeners, listener];
        }

        return new Unsubscriber(this, listener);
    }

    /// <inheritdoc />
    public Task CreateInstanceAsync(NewOrchestrationInstance instance, IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return WriteAsync(
            (c, b) =>
            {
                CreateInstance(c, b, instance, dedupeStatuses);
                return null;
            },
            callerWaits: true);
    }

    /// <inheritdoc />
    public async Task<bool> SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
        => (bool)(await WriteAsync((c, b) => SendMessage(c, b, instanceId, message), callerWaits: true).ConfigureAwait(false))!;

    /// <inheritdoc />
    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken)
        => Task.FromResult(Read(c => ReadInstance(c, instanceId, includePayloads)));

    /// <inheritdoc />
    public Task<(IReadOnlyList<InstanceRecord> Items, string? ContinuationToken)> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(Read(c => Query(c, query)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetSubOrchestrationIdsAsync(string instanceId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>(Read(c =>
        {
            var cmd = c.Command("SELECT instance_id FROM instances WHERE parent_instance_id = $id ORDER BY created_at, instance_id");
            cmd.Parameters["$id"].Value = instanceId;
            var ids = new List<string>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }

            return ids;
        }));

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<HistoryEvent>>(Read(c => ReadHistory(c, instanceId)));

    /// <inheritdoc />
    public async Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
        => (int)(await WriteAsync((c, b) => DeleteInstance(c, instanceId)).ConfigureAwait(false))!;

    /// <inheritdoc />
    public async Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (int)(await WriteAsync((c, b) => PurgeByFilter(c, filter)).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<OrchestrationWorkItem?> LoadWorkItemAsync(string instanceId, int? cachedHistoryCount, CancellationToken cancellationToken)
        => Task.FromResult(Read(c =>
        {
            var instance = ReadInstance(c, instanceId, includePayloads: true, out var lockOwner);
            if (instance is null || lockOwner != LeaseOwner)
            {
                return null;
            }

            var history = cachedHistoryCount == instance.HistoryCount ? null : ReadHistory(c, instanceId);
            // Every new message, and the oldest of those held (events no one waited for): a backlog of thousands is not
            // read and parsed by each episode, which takes one or two of them.
            var messages = new List<StoredMessage>();
            var held = 0;
            long lastHeld = 0;
            long? heldUnreadAfter = null;
            var cmd = c.Command("""
                SELECT id, event, held FROM messages WHERE instance_id = $id AND held IS NULL
                UNION ALL
                SELECT id, event, held FROM (SELECT id, event, held FROM messages WHERE instance_id = $id AND held = 1 ORDER BY id LIMIT $k)
                ORDER BY id
                """);
            cmd.Parameters["$id"].Value = instanceId;
            cmd.Parameters["$k"].Value = HeldMessagesPerEpisode + 1;
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var id = r.GetInt64(0);
                    if (!r.IsDBNull(2))
                    {
                        if (++held > HeldMessagesPerEpisode)
                        {
                            // One more held than loaded exists: the episode hears where the unread ones start.
                            heldUnreadAfter = lastHeld;
                            continue;
                        }

                        lastHeld = id;
                    }

                    messages.Add(new StoredMessage(id, ParseMessage(id, r.GetString(1))));
                }
            }

            return new OrchestrationWorkItem(instance, history, messages) { HeldUnreadAfter = heldUnreadAfter };
        }));

    private HistoryEvent ParseMessage(long id, string text)
    {
        if (parsedMessages.TryGetValue(id, out var parsed) && string.Equals(parsed.Text, text, StringComparison.Ordinal))
        {
            return parsed.Event;
        }

        if (parsedMessages.Count >= ParsedMessagesKept)
        {
            parsedMessages.Clear(); // crude bound, as the worker's history cache: a backlog must not hold memory
        }

        var historyEvent = HistoryEventSerializer.Deserialize(text);
        parsedMessages[id] = (text, historyEvent);
        return historyEvent;
    }

    /// <inheritdoc />
    public async Task<bool> CommitEpisodeAsync(OrchestrationEpisodeResult episode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return (bool)(await WriteAsync((c, b) => CommitEpisode(c, b, episode)).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task AbandonInstanceAsync(string instanceId, CancellationToken cancellationToken)
        => WriteAsync((c, b) =>
        {
            var cmd = c.Command("UPDATE instances SET lock_owner = NULL, lock_expires = NULL WHERE instance_id = $id AND lock_owner = $o");
            cmd.Parameters["$id"].Value = instanceId;
            cmd.Parameters["$o"].Value = LeaseOwner;
            cmd.ExecuteNonQuery();
            return null;
        });

    /// <inheritdoc />
    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return WriteAsync((c, b) =>
        {
            var cmd = c.Command("UPDATE activities SET lock_owner = NULL, lock_expires = NULL WHERE id = $id AND lock_owner = $o");
            cmd.Parameters["$id"].Value = workItem.Id;
            cmd.Parameters["$o"].Value = LeaseOwner;
            cmd.ExecuteNonQuery();
            return null;
        });
    }

    /// <inheritdoc />
    public async Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return (bool)(await WriteAsync((c, b) =>
        {
            var delete = c.Command("DELETE FROM activities WHERE id = $id");
            delete.Parameters["$id"].Value = workItem.Id;
            if (delete.ExecuteNonQuery() == 0)
            {
                return false; // already completed by another worker after a lease takeover: duplicate discarded
            }

            SendMessage(c, b, workItem.InstanceId, result);
            return true;
        }).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<int> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
        => (int)(await WriteAsync((c, b) => FireTimers(c, b, now.ToUnixTimeMilliseconds())).ConfigureAwait(false))!;

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
        => Task.FromResult(Read(c =>
        {
            var value = c.Command("SELECT MIN(due_at) FROM timers").ExecuteScalar();
            return value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }));

    /// <inheritdoc />
    public async Task<int> ClaimAvailableWorkAsync(CancellationToken cancellationToken)
        => (int)(await WriteAsync(ClaimAvailable).ConfigureAwait(false))!;

    /// <inheritdoc />
    public Task RenewLeasesAsync(CancellationToken cancellationToken)
        => WriteAsync((c, b) =>
        {
            foreach (var sql in RenewSql)
            {
                var cmd = c.Command(sql);
                cmd.Parameters["$e"].Value = LeaseExpiryMs;
                cmd.Parameters["$o"].Value = LeaseOwner;
                cmd.ExecuteNonQuery();
            }

            return null;
        });

    /// <inheritdoc />
    public Task ReleaseLeasesAsync(CancellationToken cancellationToken)
        => WriteAsync((c, b) =>
        {
            foreach (var sql in ReleaseSql)
            {
                var cmd = c.Command(sql);
                cmd.Parameters["$o"].Value = LeaseOwner;
                cmd.ExecuteNonQuery();
            }

            return null;
        });

    /// <summary>Runs one write in its own transaction without grouping (used by the benchmark to measure the raw commit rate).</summary>
    /// <param name="sql">The SQL to run.</param>
    /// <returns>A task.</returns>
    public Task ExecuteRawAsync(string sql) => WriteAsync((c, b) => c.Execute(sql));

    /// <summary>Reads the writer connection's journal mode and synchronous level (diagnostics and tests).</summary>
    /// <returns>The journal mode and the synchronous level (2 = FULL, 1 = NORMAL).</returns>
    public (string JournalMode, long Synchronous) ReadPragmasForDiagnostics()
    {
        var result = WriteAsync((c, b) =>
        {
            using var journal = c.Inner.CreateCommand();
            journal.Transaction = c.Transaction;
            journal.CommandText = "PRAGMA journal_mode;";
            using var synchronous = c.Inner.CreateCommand();
            synchronous.Transaction = c.Transaction;
            synchronous.CommandText = "PRAGMA synchronous;";
            return ((string)journal.ExecuteScalar()!, (long)synchronous.ExecuteScalar()!);
        }).GetAwaiter().GetResult();
        return ((string, long))result!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        writes.Writer.TryComplete();
        if (writerLoop is not null)
        {
            await writerLoop.ConfigureAwait(false);
        }

        writer?.Dispose();
        while (readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private static string StatusList(IEnumerable<OrchestrationRuntimeStatus> statuses)
        => string.Join(",", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));

    private Connection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var wrapped = new Connection(connection);
        wrapped.Execute("PRAGMA busy_timeout=60000;");
        return wrapped;
    }

    private T Read<T>(Func<Connection, T> read)
    {
        if (!readers.TryTake(out var connection))
        {
            connection = OpenConnection();
        }

        try
        {
            // One read transaction: every SELECT sees the same committed snapshot.
            using var tx = connection.Inner.BeginTransaction(deferred: true);
            connection.Transaction = tx;
            var result = read(connection);
            tx.Commit();
            return result;
        }
        finally
        {
            connection.Transaction = null;
            readers.Add(connection);
        }
    }

    /// <summary>Queues a write for the writer thread.</summary>
    /// <param name="apply">The write, run inside the batch's transaction under its own savepoint.</param>
    /// <param name="callerWaits">
    /// Whether a caller is waiting for it (an event raised, an instance started: an HTTP request's answer), rather than
    /// the worker (an episode's commit, an activity's result). See <see cref="WriterLoop"/>.
    /// </param>
    private Task<object?> WriteAsync(Func<Connection, WriteBatch, object?> apply, bool callerWaits = false)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0 && writes.Reader.Completion.IsCompleted, this);
        var op = new WriteOp(apply, callerWaits);
        ObjectDisposedException.ThrowIf(!writes.Writer.TryWrite(op), this);

        return op.Completion.Task;
    }

    /// <summary>
    /// The one writer: each batch is one transaction. Writes a caller waits for go first, and a batch that has them
    /// takes at most <see cref="WorkerWritesBesideCallers"/> of the worker's: an answer then waits for the batch being
    /// committed and its own, never for a backlog of episodes (hundreds queue up behind a burst of events). The
    /// worker's writes keep their order among themselves, as the callers' do among theirs; no write waits for one in
    /// the other lane, as none is issued before the other has completed.
    /// </summary>
    private void WriterLoop()
    {
        var batch = new List<WriteOp>(options.MaxWritesPerTransaction);
        var callers = new Queue<WriteOp>();
        var worker = new Queue<WriteOp>();
        var reader = writes.Reader;
        while (callers.Count + worker.Count > 0 || reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var op))
            {
                (op.CallerWaits ? callers : worker).Enqueue(op);
            }

            batch.Clear();
            while (batch.Count < options.MaxWritesPerTransaction && callers.TryDequeue(out var op))
            {
                batch.Add(op);
            }

            var room = batch.Count == 0 ? options.MaxWritesPerTransaction : Math.Min(WorkerWritesBesideCallers, options.MaxWritesPerTransaction - batch.Count);
            while (room-- > 0 && worker.TryDequeue(out var op))
            {
                batch.Add(op);
            }

            RunBatch(batch);
        }
    }

    private void RunBatch(List<WriteOp> ops)
    {
        var c = writer!;
        var b = new WriteBatch(NowMs, notifier is not null);
        try
        {
            using var tx = c.Inner.BeginTransaction(deferred: false);
            c.Transaction = tx;
            foreach (var op in ops)
            {
                var mark = b.Mark();
                c.Command("SAVEPOINT op").ExecuteNonQuery();
                try
                {
                    op.Result = op.Apply(c, b);
                    c.Command("RELEASE op").ExecuteNonQuery();
                }
                catch (Exception ex)
                {
                    c.Execute("ROLLBACK TO op; RELEASE op;");
                    b.Reset(mark);
                    op.Error = ex;
                }
            }

            tx.Commit();
            Interlocked.Increment(ref committedTransactions);
            Interlocked.Add(ref committedWrites, ops.Count);
        }
        catch (Exception ex)
        {
            c.Transaction = null;
            foreach (var op in ops)
            {
                op.Completion.TrySetException(ex);
            }

            return;
        }

        c.Transaction = null;

        // Hand new work to the worker only after it is durable.
        var target = notifier;
        if (target is not null)
        {
            foreach (var id in b.ReadyInstances)
            {
                target.OnInstanceReady(id);
            }

            foreach (var item in b.ReadyActivities)
            {
                target.OnActivityReady(item);
            }

            if (b.EarliestTimerMs is { } due)
            {
                target.OnTimerCreated(DateTimeOffset.FromUnixTimeMilliseconds(due));
            }
        }

        var current = listeners;
        if (current.Length > 0)
        {
            foreach (var id in b.Updated)
            {
                foreach (var listener in current)
                {
                    listener(id);
                }
            }
        }

        foreach (var op in ops)
        {
            if (op.Error is null)
            {
                op.Completion.TrySetResult(op.Result);
            }
            else
            {
                op.Completion.TrySetException(op.Error);
            }
        }
    }

    private void CreateInstance(Connection c, WriteBatch b, NewOrchestrationInstance instance, IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses)
    {
        var existing = c.Command("SELECT status FROM instances WHERE instance_id = $id");
        existing.Parameters["$id"].Value = instance.InstanceId;
        if (existing.ExecuteScalar() is long statusValue)
        {
            // Durable Functions' default (overridableExistingInstanceStates = NonRunningStates): an instance that is
            // still running blocks the id, a finished one is replaced. Explicit dedupe statuses replace that rule.
            var status = (OrchestrationRuntimeStatus)statusValue;
            var blocked = dedupeStatuses is null
                ? status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended
                : dedupeStatuses.Contains(status);
            if (blocked)
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instance.InstanceId}' already exists. It is in the {status} state.");
            }

            DeleteInstance(c, instance.InstanceId);
        }

        var start = instance.StartEvent;
        var insert = c.Command("""
            INSERT INTO instances (instance_id, name, version, status, created_at, last_updated_at, input, execution_id, parent_instance_id, history_count, tags)
            VALUES ($id, $name, $version, $status, $now, $now, $input, $exec, $parent, 0, $tags)
            """);
        insert.Parameters["$tags"].Value = (object?)HistoryEventSerializer.SerializeTags(instance.Tags) ?? DBNull.Value;
        insert.Parameters["$id"].Value = instance.InstanceId;
        insert.Parameters["$name"].Value = instance.Name;
        insert.Parameters["$version"].Value = instance.Version;
        insert.Parameters["$status"].Value = (int)OrchestrationRuntimeStatus.Pending;
        insert.Parameters["$now"].Value = b.NowMs;
        insert.Parameters["$input"].Value = (object?)instance.Input ?? DBNull.Value;
        insert.Parameters["$exec"].Value = (object?)start.ExecutionId ?? DBNull.Value;
        insert.Parameters["$parent"].Value = (object?)start.ParentInstanceId ?? DBNull.Value;
        insert.ExecuteNonQuery();
        b.Updated.Add(instance.InstanceId);

        if (instance.StartAt is { } startAt && startAt.ToUnixTimeMilliseconds() > b.NowMs)
        {
            InsertTimer(c, b, new TimerRequest(instance.InstanceId, startAt, start));
        }
        else
        {
            SendMessage(c, b, instance.InstanceId, start);
        }
    }

    private bool SendMessage(Connection c, WriteBatch b, string instanceId, HistoryEvent message)
    {
        var insert = c.Command("INSERT INTO messages (instance_id, event) SELECT $id, $event WHERE EXISTS (SELECT 1 FROM instances WHERE instance_id = $id)");
        insert.Parameters["$id"].Value = instanceId;
        insert.Parameters["$event"].Value = HistoryEventSerializer.Serialize(message);
        if (insert.ExecuteNonQuery() == 0)
        {
            return false;
        }

        Claim(c, b, instanceId);
        return true;
    }

    private void Claim(Connection c, WriteBatch b, string instanceId)
    {
        if (!b.ClaimWork)
        {
            return;
        }

        var claim = c.Command("""
            UPDATE instances SET lock_owner = $o, lock_expires = $e
            WHERE instance_id = $id AND (lock_owner IS NULL OR (lock_owner <> $o AND lock_expires < $now))
            """);
        claim.Parameters["$o"].Value = LeaseOwner;
        claim.Parameters["$e"].Value = b.NowMs + (long)options.LeaseDuration.TotalMilliseconds;
        claim.Parameters["$id"].Value = instanceId;
        claim.Parameters["$now"].Value = b.NowMs;
        if (claim.ExecuteNonQuery() == 1)
        {
            b.ReadyInstances.Add(instanceId);
        }
    }

    private static void InsertTimer(Connection c, WriteBatch b, TimerRequest timer)
    {
        var insert = c.Command("INSERT INTO timers (instance_id, due_at, event) VALUES ($id, $due, $event)");
        var due = timer.DueAt.ToUnixTimeMilliseconds();
        insert.Parameters["$id"].Value = timer.InstanceId;
        insert.Parameters["$due"].Value = due;
        insert.Parameters["$event"].Value = HistoryEventSerializer.Serialize(timer.Event);
        insert.ExecuteNonQuery();
        b.EarliestTimerMs = b.EarliestTimerMs is { } e ? Math.Min(e, due) : due;
    }

    private bool CommitEpisode(Connection c, WriteBatch b, OrchestrationEpisodeResult e)
    {
        var owner = c.Command("SELECT lock_owner FROM instances WHERE instance_id = $id AND execution_id IS $exec");
        owner.Parameters["$id"].Value = e.InstanceId;
        owner.Parameters["$exec"].Value = (object?)e.LoadedExecutionId ?? DBNull.Value;
        if (owner.ExecuteScalar() as string != LeaseOwner)
        {
            return false; // lease lost (expired and taken over, or instance purged): another worker redoes the episode
        }

        // Every message the episode read is consumed (deleted next) or held. This runs first, while the read ones still
        // exist: a message that arrived meanwhile, or that this commit sends, has a larger id and is not marked.
        if (e.SeenThroughMessageId is { } seen)
        {
            var hold = c.Command("UPDATE messages SET held = 1 WHERE instance_id = $id AND id <= $seen AND held IS NULL");
            hold.Parameters["$id"].Value = e.InstanceId;
            hold.Parameters["$seen"].Value = seen;
            hold.ExecuteNonQuery();
        }

        var delete = c.Command("DELETE FROM messages WHERE id = $id");
        foreach (var id in e.ConsumedMessageIds)
        {
            delete.Parameters["$id"].Value = id;
            delete.ExecuteNonQuery();
            parsedMessages.TryRemove(id, out _);
        }

        if (e.DropHeldAfter is { } dropAfter)
        {
            var drop = c.Command("DELETE FROM messages WHERE instance_id = $id AND held = 1 AND id > $after");
            drop.Parameters["$id"].Value = e.InstanceId;
            drop.Parameters["$after"].Value = dropAfter;
            drop.ExecuteNonQuery();
        }

        if (e.UnholdAfter is { } after)
        {
            var unhold = c.Command("UPDATE messages SET held = NULL WHERE instance_id = $id AND held = 1 AND id > $after");
            unhold.Parameters["$id"].Value = e.InstanceId;
            unhold.Parameters["$after"].Value = after;
            unhold.ExecuteNonQuery();
        }

        if (!e.InstanceUnchanged)
        {
            WriteEpisode(c, b, e);
        }

        // Messages that arrived during the episode keep the lease and go straight back to the dispatcher; messages it
        // read and left (events no one waits for yet) wait for a newer one.
        var remaining = c.Command("SELECT EXISTS (SELECT 1 FROM messages WHERE instance_id = $id AND held IS NULL)");
        remaining.Parameters["$id"].Value = e.InstanceId;
        var more = (long)remaining.ExecuteScalar()! == 1;
        var release = c.Command(more
            ? "UPDATE instances SET lock_expires = $e WHERE instance_id = $id"
            : "UPDATE instances SET lock_owner = NULL, lock_expires = NULL WHERE instance_id = $id");
        release.Parameters["$id"].Value = e.InstanceId;
        if (more)
        {
            release.Parameters["$e"].Value = b.NowMs + (long)options.LeaseDuration.TotalMilliseconds;
        }

        release.ExecuteNonQuery();
        if (more && b.ClaimWork)
        {
            b.ReadyInstances.Add(e.InstanceId);
        }

        return true;
    }

    private void WriteEpisode(Connection c, WriteBatch b, OrchestrationEpisodeResult e)
    {
        if (e.ReplaceHistory)
        {
            var clear = c.Command("DELETE FROM history WHERE instance_id = $id");
            clear.Parameters["$id"].Value = e.InstanceId;
            clear.ExecuteNonQuery();
        }

        // The primary key (instance_id, seq) rejects a second writer of the same history position.
        var append = c.Command("INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $event)");
        for (var i = 0; i < e.NewHistory.Count; i++)
        {
            append.Parameters["$id"].Value = e.InstanceId;
            append.Parameters["$seq"].Value = e.HistoryBase + i;
            append.Parameters["$event"].Value = HistoryEventSerializer.Serialize(e.NewHistory[i]);
            append.ExecuteNonQuery();
        }

        var update = c.Command("""
            UPDATE instances SET status = $status, last_updated_at = $now, input = $input, output = $output, custom_status = $custom,
                failure = $failure, execution_id = $exec, version = $version, history_count = $count
            WHERE instance_id = $id
            """);
        update.Parameters["$status"].Value = (int)e.Status;
        update.Parameters["$now"].Value = b.NowMs;
        update.Parameters["$input"].Value = (object?)e.Input ?? DBNull.Value;
        update.Parameters["$output"].Value = (object?)e.Output ?? DBNull.Value;
        update.Parameters["$custom"].Value = (object?)e.CustomStatus ?? DBNull.Value;
        update.Parameters["$failure"].Value = (object?)HistoryEventSerializer.SerializeFailure(e.Failure) ?? DBNull.Value;
        update.Parameters["$exec"].Value = e.ExecutionId;
        update.Parameters["$version"].Value = e.Version ?? string.Empty;
        update.Parameters["$count"].Value = e.HistoryBase + e.NewHistory.Count;
        update.Parameters["$id"].Value = e.InstanceId;
        update.ExecuteNonQuery();
        b.Updated.Add(e.InstanceId);

        if (e.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            // A finished instance needs no timers; pending activity results will be discarded on arrival.
            var timers = c.Command("DELETE FROM timers WHERE instance_id = $id");
            timers.Parameters["$id"].Value = e.InstanceId;
            timers.ExecuteNonQuery();
        }

        if (e.Activities.Count > 0)
        {
            var insert = c.Command("""
                INSERT INTO activities (instance_id, execution_id, task_id, name, input, lock_owner, lock_expires)
                VALUES ($id, $exec, $task, $name, $input, $o, $e) RETURNING id
                """);
            foreach (var a in e.Activities)
            {
                insert.Parameters["$id"].Value = e.InstanceId;
                insert.Parameters["$exec"].Value = e.ExecutionId;
                insert.Parameters["$task"].Value = a.TaskId;
                insert.Parameters["$name"].Value = a.Name;
                insert.Parameters["$input"].Value = (object?)a.Input ?? DBNull.Value;
                insert.Parameters["$o"].Value = b.ClaimWork ? LeaseOwner : DBNull.Value;
                insert.Parameters["$e"].Value = b.ClaimWork ? b.NowMs + (long)options.LeaseDuration.TotalMilliseconds : DBNull.Value;
                var id = (long)insert.ExecuteScalar()!;
                if (b.ClaimWork)
                {
                    b.ReadyActivities.Add(new ActivityWorkItem(id, e.InstanceId, e.ExecutionId, a.TaskId, a.Name, a.Input));
                }
            }
        }

        foreach (var timer in e.Timers)
        {
            InsertTimer(c, b, timer);
        }

        foreach (var child in e.SubOrchestrations)
        {
            try
            {
                c.Execute("SAVEPOINT child;");
                CreateInstance(c, b, child, null);
                c.Execute("RELEASE child;");
            }
            catch (OrchestrationAlreadyExistsException ex)
            {
                c.Execute("ROLLBACK TO child; RELEASE child;");
                SendMessage(c, b, e.InstanceId, new HistoryEvent
                {
                    Type = HistoryEventType.SubOrchestrationInstanceFailed,
                    Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(b.NowMs),
                    TaskScheduledId = child.StartEvent.ParentTaskId,
                    ExecutionId = e.ExecutionId,
                    Failure = new TaskFailureDetails(ex.GetType().FullName!, ex.Message, null, null, null),
                });
            }
        }

        foreach (var message in e.Messages)
        {
            SendMessage(c, b, message.InstanceId, message.Event);
        }
    }

    private int FireTimers(Connection c, WriteBatch b, long nowMs)
    {
        var select = c.Command("SELECT id, instance_id, event FROM timers WHERE due_at <= $now ORDER BY due_at LIMIT 2000");
        select.Parameters["$now"].Value = nowMs;
        var due = new List<(long Id, string InstanceId, string Event)>();
        using (var r = select.ExecuteReader())
        {
            while (r.Read())
            {
                due.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
            }
        }

        var delete = c.Command("DELETE FROM timers WHERE id = $id");
        foreach (var (id, instanceId, json) in due)
        {
            delete.Parameters["$id"].Value = id;
            delete.ExecuteNonQuery();
            SendMessage(c, b, instanceId, HistoryEventSerializer.Deserialize(json));
        }

        return due.Count;
    }

    private object ClaimAvailable(Connection c, WriteBatch b)
    {
        if (!b.ClaimWork)
        {
            return 0;
        }

        var expiry = b.NowMs + (long)options.LeaseDuration.TotalMilliseconds;
        var select = c.Command("""
            SELECT DISTINCT m.instance_id FROM messages m JOIN instances i ON i.instance_id = m.instance_id
            WHERE m.held IS NULL AND (i.lock_owner IS NULL OR (i.lock_owner <> $o AND i.lock_expires < $now))
            """);
        select.Parameters["$o"].Value = LeaseOwner;
        select.Parameters["$now"].Value = b.NowMs;
        var ids = new List<string>();
        using (var r = select.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            Claim(c, b, id);
        }

        var activities = c.Command("""
            UPDATE activities SET lock_owner = $o, lock_expires = $e
            WHERE lock_owner IS NULL OR (lock_owner <> $o AND lock_expires < $now)
            RETURNING id, instance_id, execution_id, task_id, name, input
            """);
        activities.Parameters["$o"].Value = LeaseOwner;
        activities.Parameters["$e"].Value = expiry;
        activities.Parameters["$now"].Value = b.NowMs;
        var count = 0;
        using (var r = activities.ExecuteReader())
        {
            while (r.Read())
            {
                b.ReadyActivities.Add(new ActivityWorkItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
                count++;
            }
        }

        return b.ReadyInstances.Count + count;
    }

    private static int DeleteInstance(Connection c, string instanceId)
    {
        foreach (var table in ChildTables)
        {
            var cmd = c.Command($"DELETE FROM {table} WHERE instance_id = $id");
            cmd.Parameters["$id"].Value = instanceId;
            cmd.ExecuteNonQuery();
        }

        var instance = c.Command("DELETE FROM instances WHERE instance_id = $id");
        instance.Parameters["$id"].Value = instanceId;
        return instance.ExecuteNonQuery();
    }

    private static int PurgeByFilter(Connection c, PurgeInstancesFilter filter)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var statuses = filter.Statuses ?? [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        where.Append(" AND status IN (").Append(StatusList(statuses)).Append(')');
        using var select = c.Inner.CreateCommand();
        select.Transaction = c.Transaction;
        if (filter.CreatedFrom is { } from)
        {
            where.Append(" AND created_at >= $from");
            select.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.CreatedTo is { } to)
        {
            where.Append(" AND created_at < $to");
            select.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        // Bulk path: collect the ids once, then one set-based DELETE per table.
        c.Execute("CREATE TEMP TABLE IF NOT EXISTS purge_ids (instance_id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM purge_ids;");
        select.CommandText = $"INSERT INTO purge_ids SELECT instance_id FROM instances {where}";
        select.ExecuteNonQuery();
        foreach (var table in ChildTables)
        {
            c.Execute($"DELETE FROM {table} WHERE instance_id IN (SELECT instance_id FROM purge_ids)");
        }

        using var delete = c.Inner.CreateCommand();
        delete.Transaction = c.Transaction;
        delete.CommandText = "DELETE FROM instances WHERE instance_id IN (SELECT instance_id FROM purge_ids)";
        var purged = delete.ExecuteNonQuery();
        c.Execute("DELETE FROM purge_ids;");
        return purged;
    }

    private static InstanceRecord? ReadInstance(Connection c, string instanceId, bool includePayloads)
        => ReadInstance(c, instanceId, includePayloads, out _);

    private static InstanceRecord? ReadInstance(Connection c, string instanceId, bool includePayloads, out string? lockOwner)
    {
        var cmd = c.Command($"SELECT {InstanceColumns}, lock_owner{(includePayloads ? PayloadColumns : string.Empty)} FROM instances WHERE instance_id = $id");
        cmd.Parameters["$id"].Value = instanceId;
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            lockOwner = null;
            return null;
        }

        lockOwner = r.IsDBNull(11) ? null : r.GetString(11);
        return MapInstance(r, includePayloads ? 12 : -1);
    }

    private static InstanceRecord MapInstance(SqliteDataReader r, int payloadStart) => new()
    {
        InstanceId = r.GetString(0),
        Name = r.GetString(1),
        Version = r.GetString(2),
        Status = (OrchestrationRuntimeStatus)r.GetInt32(3),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        LastUpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        Failure = r.IsDBNull(6) ? null : HistoryEventSerializer.DeserializeFailure(r.GetString(6)),
        ExecutionId = r.IsDBNull(7) ? null : r.GetString(7),
        ParentInstanceId = r.IsDBNull(8) ? null : r.GetString(8),
        HistoryCount = r.GetInt32(9),
        Tags = r.IsDBNull(10) ? null : HistoryEventSerializer.DeserializeTags(r.GetString(10)),
        Input = payloadStart < 0 || r.IsDBNull(payloadStart) ? null : r.GetString(payloadStart),
        Output = payloadStart < 0 || r.IsDBNull(payloadStart + 1) ? null : r.GetString(payloadStart + 1),
        CustomStatus = payloadStart < 0 || r.IsDBNull(payloadStart + 2) ? null : r.GetString(payloadStart + 2),
    };

    private static List<HistoryEvent> ReadHistory(Connection c, string instanceId)
    {
        var cmd = c.Command("SELECT event FROM history WHERE instance_id = $id ORDER BY seq");
        cmd.Parameters["$id"].Value = instanceId;
        var events = new List<HistoryEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            events.Add(HistoryEventSerializer.Deserialize(r.GetString(0)));
        }

        return events;
    }

    private static (IReadOnlyList<InstanceRecord>, string?) Query(Connection c, OrchestrationQuery query)
    {
        using var cmd = c.Inner.CreateCommand();
        cmd.Transaction = c.Transaction;
        var sql = new StringBuilder($"SELECT {InstanceColumns}, lock_owner{(query.FetchInputsAndOutputs ? PayloadColumns : string.Empty)} FROM instances WHERE 1 = 1");
        if (query.Statuses?.ToList() is { Count: > 0 } statuses)
        {
            sql.Append(" AND status IN (").Append(StatusList(statuses)).Append(')');
        }

        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at >= $from");
            cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.CreatedTo is { } to)
        {
            sql.Append(" AND created_at < $to");
            cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            sql.Append(" AND substr(instance_id, 1, length($prefix)) = $prefix");
            cmd.Parameters.AddWithValue("$prefix", query.InstanceIdPrefix);
        }

        if (!string.IsNullOrEmpty(query.ContinuationToken))
        {
            // Keyset paging: the token is the (created_at, instance_id) of the last row returned.
            var separator = query.ContinuationToken.IndexOf('|', StringComparison.Ordinal);
            if (separator < 0 || !long.TryParse(query.ContinuationToken.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastCreated))
            {
                throw new ArgumentException("Invalid continuation token.", nameof(query));
            }

            sql.Append(" AND (created_at > $lastCreated OR (created_at = $lastCreated AND instance_id > $lastId))");
            cmd.Parameters.AddWithValue("$lastCreated", lastCreated);
            cmd.Parameters.AddWithValue("$lastId", query.ContinuationToken[(separator + 1)..]);
        }

        var pageSize = Math.Max(1, query.PageSize);
        sql.Append(" ORDER BY created_at, instance_id LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", pageSize + 1);
        cmd.CommandText = sql.ToString();
        var items = new List<InstanceRecord>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(MapInstance(r, query.FetchInputsAndOutputs ? 12 : -1));
            }
        }

        string? token = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            token = string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.ToUnixTimeMilliseconds()}|{last.InstanceId}");
        }

        return (items, token);
    }

    private sealed class Unsubscriber(SqliteOrchestrationStore store, Action<string> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (store.listenerGate)
            {
                store.listeners = [.. store.listeners.Where(l => l != listener)];
            }
        }
    }

    private sealed class WriteOp(Func<Connection, WriteBatch, object?> apply, bool callerWaits)
    {
        public Func<Connection, WriteBatch, object?> Apply { get; } = apply;

        public bool CallerWaits { get; } = callerWaits;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public object? Result { get; set; }

        public Exception? Error { get; set; }
    }

    private sealed class WriteBatch(long nowMs, bool claimWork)
    {
        public long NowMs { get; } = nowMs;

        public bool ClaimWork { get; } = claimWork;

        public List<string> ReadyInstances { get; } = [];

        public List<ActivityWorkItem> ReadyActivities { get; } = [];

        public List<string> Updated { get; } = [];

        public long? EarliestTimerMs { get; set; }

        public (int, int, int, long?) Mark() => (ReadyInstances.Count, ReadyActivities.Count, Updated.Count, EarliestTimerMs);

        public void Reset((int Instances, int Activities, int Updated, long? Timer) mark)
        {
            ReadyInstances.RemoveRange(mark.Instances, ReadyInstances.Count - mark.Instances);
            ReadyActivities.RemoveRange(mark.Activities, ReadyActivities.Count - mark.Activities);
            Updated.RemoveRange(mark.Updated, Updated.Count - mark.Updated);
            EarliestTimerMs = mark.Timer;
        }
    }

    /// <summary>A connection with a cache of prepared commands (statements are reused across transactions).</summary>
    private sealed class Connection(SqliteConnection inner) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> commands = [];
        private SqliteTransaction? transaction;

        public SqliteConnection Inner { get; } = inner;

        public SqliteTransaction? Transaction
        {
            get => transaction;
            set
            {
                transaction = value;
                foreach (var cmd in commands.Values)
                {
                    cmd.Transaction = value;
                }
            }
        }

        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var cmd))
            {
#pragma warning disable CA2100 // SQL text is a constant of this class; values are always parameters.
                cmd = Inner.CreateCommand();
                cmd.CommandText = sql;
#pragma warning restore CA2100
                foreach (var name in ParameterNames(sql))
                {
                    cmd.Parameters.Add(new SqliteParameter(name, null));
                }

                commands[sql] = cmd;
            }

            cmd.Transaction = transaction;
            return cmd;
        }

        public object? Execute(string sql)
        {
            using var cmd = Inner.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants of this class.
            cmd.CommandText = sql;
#pragma warning restore CA2100
            cmd.Transaction = transaction;
            cmd.ExecuteNonQuery();
            return null;
        }

        public void Dispose()
        {
            foreach (var cmd in commands.Values)
            {
                cmd.Dispose();
            }

            Inner.Dispose();
        }

        private static IEnumerable<string> ParameterNames(string sql)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < sql.Length; i++)
            {
                if (sql[i] != '$')
                {
                    continue;
                }

                var j = i + 1;
                while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
                {
                    j++;
                }

                var name = sql[i..j];
                if (seen.Add(name))
                {
                    yield return name;
                }

                i = j - 1;
            }
        }
    }
}
