namespace TicketFlow.Durable.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when told (<see cref="Advance"/>, <see cref="SetUtcNow"/>).
/// Timers created through it (including <c>Task.Delay(delay, provider)</c>) fire, in due order, as the clock passes them.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<VirtualTimer> timers = [];
    private DateTimeOffset now;
    private long sequence;

    /// <summary>Creates a virtual clock.</summary>
    /// <param name="start">The initial time (UTC); 2025-01-01 when <c>null</c>.</param>
    public VirtualTimeProvider(DateTimeOffset? start = null)
    {
        now = (start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime();
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward and fires the timers it passes.</summary>
    /// <param name="delta">How far; not negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Sets the clock (never backwards) and fires the timers it passes, earliest first.</summary>
    /// <param name="value">The new time.</param>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate)
        {
            if (value < now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"The virtual clock cannot go back from {now:O} to {value:O}.");
            }
        }

        while (true)
        {
            VirtualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt <= value).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    now = value;
                    return;
                }

                if (next.DueAt > now)
                {
                    now = next.DueAt;
                }

                if (next.Period is { } period && period > TimeSpan.Zero)
                {
                    next.DueAt = now + period;
                }
                else
                {
                    timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? null : period;
            timer.Sequence = sequence++;
            timers.Add(timer);
        }

        if (dueTime <= TimeSpan.Zero)
        {
            // Due now: fire as the real clock would, soon and not inline with the caller.
            ThreadPool.QueueUserWorkItem(_ => SetUtcNow(GetUtcNow()));
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            owner.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
