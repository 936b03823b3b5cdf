using System.Globalization;
using TicketFlow.Workflow.Calendar;

namespace TicketFlow.Workflow.Tests.Calendar;

public class EnTimeZoneTests
{
    [Theory]
    // Spring forward, 2025-03-09 02:00 EST -> 03:00 EDT.
    [InlineData("America/New_York", "2025-03-09T04:30:00Z", "2025-03-08")] // 23:30 EST
    [InlineData("America/New_York", "2025-03-09T06:59:59Z", "2025-03-09")] // 01:59:59 EST, just before the change
    [InlineData("America/New_York", "2025-03-09T07:00:00Z", "2025-03-09")] // 03:00 EDT
    [InlineData("America/New_York", "2025-03-10T03:30:00Z", "2025-03-09")] // 23:30 EDT (UTC-4): still March 9
    [InlineData("America/New_York", "2025-03-10T04:00:00Z", "2025-03-10")]
    // Fall back, 2025-11-02 02:00 EDT -> 01:00 EST.
    [InlineData("America/New_York", "2025-11-02T03:59:59Z", "2025-11-01")] // 23:59:59 EDT
    [InlineData("America/New_York", "2025-11-03T04:30:00Z", "2025-11-02")] // 23:30 EST (UTC-5)
    [InlineData("America/New_York", "2025-11-03T05:00:00Z", "2025-11-03")]
    // Year end in another EN zone.
    [InlineData("America/Los_Angeles", "2026-01-01T07:59:00Z", "2025-12-31")]
    [InlineData("America/Los_Angeles", "2026-01-01T08:00:00Z", "2026-01-01")]
    [InlineData("Pacific/Honolulu", "2024-03-01T09:00:00Z", "2024-02-29")]    // leap day, no DST in Hawaii
    public void An_instant_becomes_the_date_on_the_ENs_wall_clock(string zone, string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), new EnTimeZone(zone).DateOf(at));
    }

    [Fact]
    public void The_offset_an_instant_is_written_with_does_not_matter()
    {
        var utc = new DateTimeOffset(2025, 7, 1, 3, 0, 0, TimeSpan.Zero);
        var tokyo = utc.ToOffset(TimeSpan.FromHours(9));
        Assert.Equal(EnTimeZone.Default.DateOf(utc), EnTimeZone.Default.DateOf(tokyo));
        Assert.Equal(new DateOnly(2025, 6, 30), EnTimeZone.Default.DateOf(tokyo));
    }

    [Fact]
    public void Today_comes_from_the_time_provider()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5)));
        Assert.Equal(new DateOnly(2025, 12, 31), EnTimeZone.Default.Today(time));
        Assert.Equal(new DateOnly(2026, 1, 1), new EnTimeZone("Europe/London").Today(time));
    }

    [Fact]
    public void The_default_zone_is_New_York() => Assert.Equal("America/New_York", EnTimeZone.Default.Id);

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern")]
    public void An_unknown_zone_id_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => new EnTimeZone(id));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
