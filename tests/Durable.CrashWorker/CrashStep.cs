namespace TicketFlow.Durable.CrashWorker;

public sealed record CrashStep(int Instance, int Step);
