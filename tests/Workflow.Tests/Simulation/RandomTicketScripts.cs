using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Simulation;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tests.Simulation;

/// <summary>
/// Generates plausible ticket lives from a seed: signatures on different days, submissions on time and late, reviews
/// compliant and not, contact at irregular intervals (two-way, unanswered attempts, check-in emails), phase changes,
/// work starts, no-contact requests and unassignments. Only events the ticket's state allows, one a day, in order.
/// </summary>
internal static class RandomTicketScripts
{
    public static IReadOnlyList<TicketScript> Create(int count, DateOnly start, DateOnly end, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(i => One($"T-{i:D4}", start.AddDays(random.Next(0, 60)), end, random))];
    }

    private static TicketScript One(string ticketNumber, DateOnly registered, DateOnly end, Random random)
    {
        const string Staff = "staff";
        var events = new List<TicketEvent>();
        var day = registered.AddDays(random.Next(1, 10));
        for (var attempt = 1; ; attempt++)
        {
            var enSigned = day.AddDays(-random.Next(0, 4));
            events.Add(new IwpSigned(day, Staff, $"iwp-{attempt}", enSigned < registered ? registered : enSigned, day, false));
            day = day.AddDays(random.Next(1, 21)); // some submissions are late (more than 14 days)
            events.Add(new IwpSubmitted(day, Staff));
            day = day.AddDays(random.Next(1, 4));
            events.Add(new TpmReceiptRecorded(day, Staff));
            day = day.AddDays(random.Next(3, 15)); // some reviews take longer than 7 business days
            var compliant = attempt == 2 || random.NextDouble() < 0.85;
            events.Add(new ReviewDecisionRecorded(day, Staff, compliant));
            if (compliant)
            {
                break;
            }

            day = day.AddDays(random.Next(3, 16));
        }

        var unassignOn = random.NextDouble() < 0.35 ? day.AddDays(random.Next(60, 600)) : DateOnly.MaxValue;
        var phaseChangeOn = random.NextDouble() < 0.6 ? day.AddDays(random.Next(120, 400)) : DateOnly.MaxValue;
        var workStartOn = random.NextDouble() < 0.7 ? day.AddDays(random.Next(20, 200)) : DateOnly.MaxValue;
        var phaseChanged = false;
        var workStarted = false;
        var noteNumber = 0;
        day = day.AddDays(random.Next(3, 15));
        while (day <= end && day < unassignOn)
        {
            if (!phaseChanged && day >= phaseChangeOn)
            {
                events.Add(new PhaseChanged(day, Staff));
                phaseChanged = true;
            }
            else if (!workStarted && day >= workStartOn)
            {
                events.Add(new WorkStarted(day, Staff));
                workStarted = true;
            }
            else
            {
                var roll = random.NextDouble();
                TicketEvent? contact = roll switch
                {
                    < 0.55 => new ContactAttemptRecorded(day, Staff, $"n-{++noteNumber}", ContactMethod.Phone, TwoWay: true),
                    < 0.85 => new ContactAttemptRecorded(day, Staff, $"n-{++noteNumber}", ContactMethod.Letter, TwoWay: false),
                    < 0.92 => new CheckInEmailRequested(day, Staff, "s1"),
                    < 0.94 => new NoContactRequested(day, Staff),
                    _ => null,
                };
                if (contact is not null)
                {
                    events.Add(contact);
                }
            }

            day = day.AddDays(phaseChanged ? random.Next(15, 100) : random.Next(5, 40));
        }

        if (unassignOn <= end)
        {
            var reason = random.NextDouble() < 0.5 ? UnassignmentReason.LostContact : UnassignmentReason.ByTicketholder;
            if (reason == UnassignmentReason.LostContact)
            {
                // Lost contact needs three unanswered attempts within a period first (the workflow refuses fewer).
                var last = events[^1].On;
                for (var i = 1; i <= 3; i++)
                    events.Add(new ContactAttemptRecorded(last.AddDays(i), Staff, $"n-{++noteNumber}", ContactMethod.Letter, TwoWay: false));
            }

            events.Add(new TicketUnassigned(unassignOn > events[^1].On ? unassignOn : events[^1].On.AddDays(1), Staff, reason));
        }

        return new TicketScript(ticketNumber, registered, [.. events.Where(e => e.On <= end)]);
    }
}
