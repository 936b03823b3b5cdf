namespace TicketFlow.Durable.Tests.Engines;

/// <summary>The engines the differential tests run on.</summary>
public enum Engine
{
    /// <summary>TicketFlow.Durable on SQLite (through Microsoft's builders), with its virtual-time test host.</summary>
    Embedded,

    /// <summary>Microsoft's own engine: Microsoft.DurableTask.InProcessTestHost (the Durable Task Framework in memory, real time).</summary>
    Microsoft,
}
