using System.CommandLine;
using System.Globalization;
using Microsoft.DurableTask.Client;
using TicketFlow.Server.Simulation;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Simulation;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow simulate [--start yyyy-MM-dd] [--years n]</c>: plays the sample ticket's life through the real
/// orchestrations on the durable engine with virtual time, and prints its timeline: every state change, deadline and
/// reminder with its date.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CommandLineServices services)
    {
        var start = new Option<string?>("--start") { Description = "The first simulated day (yyyy-MM-dd); default 2026-01-05." };
        var years = new Option<string?>("--years") { Description = "How many years to play, 1 to 5; default 2." };
        var command = new Command("simulate", "Play a sample ticket's two years through TicketFlow's workflows in seconds and print its timeline.") { start, years };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var startDate = new DateOnly(2026, 1, 5);
            if (parseResult.GetValue(start) is { } startText && !CommandLineParsing.TryParseDate(startText, out startDate, out var problem))
            {
                return services.BadInput(problem!);
            }

            var yearCount = 2;
            if (parseResult.GetValue(years) is { } yearsText
                && (!int.TryParse(yearsText, NumberStyles.None, CultureInfo.InvariantCulture, out yearCount) || yearCount is < 1 or > 5))
            {
                return services.BadInput($"--years must be a whole number from 1 to 5, not '{yearsText}'");
            }

            // Business days are counted on the federal calendar, which covers a fixed span of years: a start outside it
            // is refused up front, instead of a workflow stopping part-way through the simulated years.
            var until = startDate.Year <= FederalCalendar.LastSupportedYear - yearCount ? startDate.AddYears(yearCount).AddDays(-1) : DateOnly.MaxValue;
            if (!FederalCalendar.Covers(startDate) || !FederalCalendar.Covers(until))
            {
                return services.BadInput(string.Create(CultureInfo.InvariantCulture,
                    $"--start {startDate:yyyy-MM-dd} with --years {yearCount} runs outside the federal calendar's years ({FederalCalendar.FirstSupportedYear} to {FederalCalendar.LastSupportedYear}); start on or after {FederalCalendar.FirstSupportedYear}-01-01 and end by {FederalCalendar.LastSupportedYear}-12-31"));
            }

            await using var simulation = await TicketSimulation.StartAsync(startDate);
            await simulation.RunAsync([SampleTicket.Create(startDate)], until);
            await foreach (var fault in simulation.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] }).WithCancellation(cancellationToken))
            {
                services.Error.WriteLine($"ticketflow: the simulation stopped: workflow {fault.InstanceId} failed: {fault.FailureDetails?.ErrorMessage ?? "no detail"}");
                return ExitCodes.InternalError;
            }

            services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sample ticket {SampleTicket.TicketNumber} of EN {TicketSimulation.EnPid}, {startDate:yyyy-MM-dd} to {until:yyyy-MM-dd} (America/New_York)"));
            foreach (var entry in simulation.Timeline(SampleTicket.TicketNumber))
            {
                services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.On:yyyy-MM-dd}  {Label(entry.Kind),-8}  {entry.Text}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Label(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Event => "event",
        TimelineEntryKind.Refused => "refused",
        TimelineEntryKind.Deadline => "deadline",
        _ => "email",
    };
}
