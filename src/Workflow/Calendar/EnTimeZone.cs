using NodaTime;
using NodaTime.TimeZones;

namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// The time zone of an Employment Network, which turns an instant (when an email arrived, when a document was
/// signed electronically) into the calendar date a deadline is counted from. Deadlines are calendar dates; the
/// instant-to-date step is the only place a time zone matters.
/// </summary>
/// <remarks>
/// Uses the IANA time zone database embedded in NodaTime, so the answer does not depend on the machine's own
/// time zone data. Each EN has one zone; the default is America/New_York, the zone of the Ticket Program Manager.
/// </remarks>
public sealed class EnTimeZone
{
    /// <summary>The default zone: the TPM's, America/New_York.</summary>
    public const string DefaultId = "America/New_York";

    private readonly DateTimeZone _zone;

    /// <summary>Creates the time zone for an IANA zone id such as "America/Chicago".</summary>
    /// <exception cref="ArgumentException">The id is not in the embedded IANA time zone database.</exception>
    public EnTimeZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new ArgumentException($"'{id}' is not an IANA time zone id (for example {DefaultId}).", nameof(id));
    }

    /// <summary>America/New_York.</summary>
    public static EnTimeZone Default { get; } = new(DefaultId);

    /// <summary>The IANA id of the zone.</summary>
    public string Id => _zone.Id;

    /// <summary>The calendar date in this zone at <paramref name="instant"/> (its offset is irrelevant; only the instant counts).</summary>
    public DateOnly DateOf(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(_zone).Date.ToDateOnly();

    /// <summary>Today's date in this zone by <paramref name="time"/> (pass the workflow's or test's TimeProvider).</summary>
    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>
    /// The instant a local hour of a date begins in this zone. In a daylight-saving gap the first instant after the
    /// gap is used; in an overlap, the earlier of the two.
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <param name="hour">The local hour, 0 to 23.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset InstantOf(DateOnly date, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var local = new LocalDateTime(date.Year, date.Month, date.Day, hour, 0);
        return _zone.ResolveLocal(local, Resolvers.LenientResolver).ToDateTimeOffset();
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
