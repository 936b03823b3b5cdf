namespace TicketFlow.Durable.CrashWorker;

internal static class CrashSteps
{
    private static int started;

    public static int SelfKillAfter { get; set; }

    public static void OnActivityStarted()
    {
        var n = Interlocked.Increment(ref started);
        if (n % 50 == 0)
        {
            Console.WriteLine($"PROGRESS {n}"); // the test kills the process from outside on one of these lines
        }

        if (SelfKillAfter > 0 && n == SelfKillAfter)
        {
            Console.WriteLine("SELF-KILL");
            Console.Out.Flush();
            System.Diagnostics.Process.GetCurrentProcess().Kill(); // SIGKILL on Linux: no cleanup, no lease release
        }
    }
}
