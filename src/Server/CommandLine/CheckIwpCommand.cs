using System.CommandLine;
using System.Globalization;
using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow check-iwp &lt;file.json&gt;</c>: the findings, blocking first. Exit 0 without a blocking finding,
/// 1 with one, 2 when the file cannot be read as an IWP.
/// </summary>
internal static class CheckIwpCommand
{
    public static Command Create(CommandLineServices services)
    {
        var file = new Argument<string>("file.json") { Description = "An IWP in the shape of schemas/iwp.schema.json (see samples/iwp.json)." };
        var command = new Command("check-iwp", "Check an IWP against Form SSA-1370's parts, 20 CFR 411.465(a) and the earnings goals.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (Directory.Exists(path))
                return services.BadInput($"cannot read '{path}': it is a directory, not a file");
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return services.BadInput($"cannot read '{path}': {Reason(error)}");
            }

            Iwp iwp;
            try
            {
                iwp = IwpJson.Deserialize(json);
            }
            catch (IwpFormatException error)
            {
                return services.BadInput($"{path}: {error.Message}");
            }

            var today = services.TimeZone.Today(services.Time);
            var result = services.IwpChecker.Check(iwp, today);
            Write(result, today, services.Output);
            return result.HasBlockingFindings ? ExitCodes.BlockingFindings : ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IwpCheckResult result, DateOnly today, TextWriter output)
    {
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{finding.Severity.ToString().ToUpperInvariant()} {finding.RuleId} at {finding.Field}: {finding.Message}");
            output.WriteLine($"    {finding.Citation.Source}");
        }

        var blocking = result.Findings.Count(f => f.Severity == FindingSeverity.Blocking);
        var advisory = result.Findings.Count - blocking;
        if (result.Findings.Count > 0)
            output.WriteLine();
        output.WriteLine(blocking > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Not compliant: {blocking} blocking, {advisory} advisory finding(s).")
            : string.Create(CultureInfo.InvariantCulture, $"No blocking finding; {advisory} advisory finding(s)."));
        foreach (var note in result.Notes)
            output.WriteLine($"Note: {note}");
        if (result.SubmissionDeadline is { } due)
        {
            output.WriteLine(due.Date < today
                ? string.Create(CultureInfo.InvariantCulture,
                    $"The submission window has passed: the IWP was due at the TPM by {due.Date:yyyy-MM-dd} ({today.DayNumber - due.Date.DayNumber} days ago; rule {due.Rule.Id}, {due.Rule.Span} after the later signature date {due.ClockStartDate:yyyy-MM-dd}). Send it now and record the late submission.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"Send to the TPM by {due.Date:yyyy-MM-dd}: rule {due.Rule.Id}, {due.Rule.Span} after the later signature date {due.ClockStartDate:yyyy-MM-dd}."));
        }
    }

    private static string Reason(Exception error) => error switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied (or it is a directory)",
        _ => error.Message.ReplaceLineEndings(" "),
    };
}
