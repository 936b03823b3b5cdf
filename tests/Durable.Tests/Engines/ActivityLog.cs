namespace TicketFlow.Durable.Tests.Engines;

/// <summary>The activity calls a test's activities record, in order, so both engines' sequences can be compared.</summary>
public sealed class ActivityLog
{
    private readonly List<string> entries = [];

    /// <summary>The calls so far.</summary>
    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Records one call.</summary>
    /// <param name="entry">What was called with what.</param>
    public void Add(string entry)
    {
        lock (entries)
        {
            entries.Add(entry);
        }
    }
}
