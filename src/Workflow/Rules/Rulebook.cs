using System.Globalization;

namespace TicketFlow.Workflow.Rules;

/// <summary>
/// Every deadline TicketFlow enforces, the contact cadences, the yearly earnings amounts and the counting
/// conventions, each with its citation. This is the one place a number of days lives; <see cref="DeadlineCalculator"/>
/// turns a rule and a clock-start date into a due date.
/// </summary>
public sealed class Rulebook
{
    private readonly Dictionary<string, DeadlineRule> _byId;

    /// <summary>Creates the rulebook with the given settings and the known earnings amounts.</summary>
    public Rulebook(RulebookOptions options)
        : this(options, EarningsThresholdTable.Known)
    {
    }

    /// <summary>Creates the rulebook with the given settings and earnings amounts (one row per year).</summary>
    public Rulebook(RulebookOptions options, IEnumerable<EarningsThresholds> earnings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(earnings);
        if (options.CaseNoteWindowMonths < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.CaseNoteWindowMonths, "The case-note window must be at least one month.");

        Rules = BuildRules(options);
        _byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Earnings = [.. earnings.OrderBy(e => e.Year)];
        if (Earnings.Count == 0)
            throw new ArgumentException("At least one year of earnings amounts is needed.", nameof(earnings));
        if (Earnings.Select(e => e.Year).Distinct().Count() != Earnings.Count)
            throw new ArgumentException("Each year may have one row of earnings amounts only.", nameof(earnings));
        ContactCadences =
        [
            new ContactCadence(ServicePhase.InitialJobAcquisition, PeriodMonths: Get(RuleIds.IjaFollowUp).Amount, MinimumAttempts: 3,
                RuleIds.IjaFollowUp, RuleIds.IjaUnassign, new Citation(SeedDocuments.EnGuide,
                    "Section 4: EN Supports and Services > Regular Follow-Up with Ticketholder during the Initial Job Acquisition Phase",
                    "\"The EN shall make a minimum of three attempts in a one-month period to make two-way contact with the Ticketholder.\" Also "
                    + SeedDocuments.QualityIwpWebinar2025 + ", Two-way Communication, cont.")),
            new ContactCadence(ServicePhase.OngoingSupport, PeriodMonths: Get(RuleIds.OspFollowUp).Amount, MinimumAttempts: 3,
                RuleIds.OspFollowUp, RuleIds.OspUnassign, new Citation(SeedDocuments.EnGuide,
                    "Section 4: EN Supports and Services > Regular Follow-up with Ticketholder during the Ongoing Support Phase",
                    "\"The EN shall make a minimum of three attempts in a three-month period to make two-way contact with the Ticketholder.\" Also "
                    + SeedDocuments.QualityIwpWebinar2025 + ", Two-way Communication, cont.")),
        ];
        TimeZoneId = options.TimeZoneId;
    }

    /// <summary>The rulebook with default settings (12-month case-note window, America/New_York).</summary>
    public static Rulebook Default { get; } = new(new RulebookOptions());

    /// <summary>Every deadline rule, in the order the rulebook prints them.</summary>
    public IReadOnlyList<DeadlineRule> Rules { get; }

    /// <summary>Contact cadence by phase.</summary>
    public IReadOnlyList<ContactCadence> ContactCadences { get; }

    /// <summary>TWL and SGA amounts by year, oldest first.</summary>
    public IReadOnlyList<EarningsThresholds> Earnings { get; }

    /// <summary>The EN's time zone id, in which instants become dates.</summary>
    public string TimeZoneId { get; }

    /// <summary>The counting conventions, as a user reads them.</summary>
    public IReadOnlyList<RulebookConvention> Conventions { get; } =
    [
        new("Calendar days do not roll",
            "A calendar-day deadline does not move when it falls on a Saturday, Sunday or holiday: the documents allow no roll, and the earlier date is the safe one."),
        new("Business days",
            "Business days exclude Saturdays, Sundays, US federal holidays as observed (5 U.S.C. 6103: a Saturday holiday on the Friday before, a Sunday holiday on the Monday after) and full-day closures of the executive departments by Executive Order (each listed with its order in the federal calendar)."),
        new("Half-day closures",
            "A half-day closure by Executive Order (for example Christmas Eve 2015, Executive Order 13713) excuses employees for part of the day only: the day is still a business day and counts as one."),
        new("Counting from receipt",
            "\"Within N business days from receipt\" counts the first business day after the receipt date as day 1; the receipt date itself is day 0."),
        new("Deadlines are dates",
            "A deadline is a calendar date: the task is on time if done on or before that date."),
        new("Time zone",
            "An instant (an email's arrival, an electronic signature) becomes a date in the EN's time zone; each EN has one, the default is America/New_York, the TPM's. Business days follow the federal calendar wherever the EN is."),
        new("Months and years",
            "Months and years are calendar months and years: the same day of the month later. When that day does not exist (January 31 plus one month, February 29 plus a year) a due-by date takes the last day of the month (earlier is safe) and a may-from date, such as destroying records, takes the first day of the next month (later is safe)."),
        new("Conflicting documents",
            "Where two documents disagree, the rule is configurable and defaults to the newer document; the citation says so (the S&S case-note window)."),
    ];

    /// <summary>The rule with this id.</summary>
    /// <exception cref="UnknownRuleException">No rule has this id.</exception>
    public DeadlineRule Get(string ruleId) =>
        TryGet(ruleId, out var rule) ? rule : throw new UnknownRuleException(ruleId, _byId.Keys);

    /// <summary>Looks a rule up by id.</summary>
    public bool TryGet(string ruleId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeadlineRule? rule) =>
        _byId.TryGetValue(ruleId ?? string.Empty, out rule);

    /// <summary>The contact cadence of a phase.</summary>
    public ContactCadence CadenceFor(ServicePhase phase) => ContactCadences.Single(c => c.Phase == phase);

    /// <summary>
    /// The earnings amounts SSA published for <paramref name="year"/>, or null when the rulebook has none for that year:
    /// a caller says so ("no TWL/SGA amounts for 2027", <see cref="NoAmountsFor"/>) rather than use another year's.
    /// </summary>
    public EarningsThresholds? EarningsFor(int year) => Earnings.FirstOrDefault(e => e.Year == year);

    /// <summary>The finding for a year the rulebook has no amounts for.</summary>
    /// <param name="year">The year.</param>
    /// <returns>"no TWL/SGA amounts for 2027 in the rulebook (...)".</returns>
    public string NoAmountsFor(int year) => string.Create(CultureInfo.InvariantCulture,
        $"no TWL/SGA amounts for {year} in the rulebook (it has {Earnings[0].Year} to {Earnings[^1].Year}; SSA announces a year's amounts each October)");

    private static List<DeadlineRule> BuildRules(RulebookOptions options) =>
    [
        new()
        {
            Id = RuleIds.IwpSubmission,
            Description = "The IWP reaches the Ticket Program Manager (TPM) no later than 14 calendar days after both the EN and the ticketholder signed and dated it.",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 14,
            ClockStart = ClockStart.LaterSignatureDate,
            Citation = new(SeedDocuments.EnGuide, "Individual Work Plan > Submitting IWPs",
                "\"The EN must send the IWP no later than 14 calendar days after both the EN and the Ticketholder have signed and dated it.\""),
        },
        new()
        {
            Id = RuleIds.TicketAssignment,
            Description = "An EN with Ticket Portal rights assigns the ticket within 14 calendar days of the IWP's signature dates (a later assignment may cost the first payment month).",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 14,
            ClockStart = ClockStart.LaterSignatureDate,
            Citation = new(SeedDocuments.EnGuide, "Individual Work Plan > Submitting IWPs",
                "\"Once an EN can assign Tickets via the Ticket Portal, they are required to assign the Ticket within 14 calendar days of the signature dates on the IWP.\""),
        },
        new()
        {
            Id = RuleIds.PmReview,
            Description = "Program Integrity reviews a submitted IWP within 7 business days from its receipt date.",
            Counting = DeadlineCounting.BusinessDays,
            Amount = 7,
            ClockStart = ClockStart.IwpReceiptDate,
            Citation = new(SeedDocuments.EnGuide, "Individual Work Plan > Submitting IWPs",
                "\"Program Integrity will review IWPs within seven business days from receipt date.\""),
        },
        new()
        {
            Id = RuleIds.IjaFollowUp,
            Description = "Initial Job Acquisition phase: the next two-way contact with the ticketholder is due within a month of the last one (at least monthly).",
            Counting = DeadlineCounting.CalendarMonths,
            Amount = 1,
            ClockStart = ClockStart.LastTwoWayContact,
            Citation = new(SeedDocuments.QualityIwpWebinar2025, "Two-way Communication, cont.",
                "\"Initial Job Acquisition Phase: ENs must follow up with the Ticketholder at least monthly\"; also " + SeedDocuments.EnGuide
                + ", Section 4, Regular Follow-Up during the Initial Job Acquisition Phase."),
        },
        new()
        {
            Id = RuleIds.IjaUnassign,
            Description = "Initial Job Acquisition phase: without two-way contact after at least three attempts in a month (or when the ticketholder asks for no contact), the EN unassigns the ticket within 60 days from the initial contact attempt.",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 60,
            ClockStart = ClockStart.InitialContactAttempt,
            Citation = new(SeedDocuments.EnGuide, "Section 4: EN Supports and Services > Regular Follow-Up with Ticketholder during the Initial Job Acquisition Phase",
                "\"In the event the EN does not have a two-way conversation with the Ticketholder, or the Ticketholder requests no contact, the EN shall unassign the Ticket within 60 days from the date of initial contact attempt.\" Same in "
                + SeedDocuments.QualityIwpWebinar2025 + ", Two-way Communication, cont."),
        },
        new()
        {
            Id = RuleIds.OspFollowUp,
            Description = "Ongoing Support phase: the next two-way contact with the ticketholder is due within three months of the last one (at least quarterly).",
            Counting = DeadlineCounting.CalendarMonths,
            Amount = 3,
            ClockStart = ClockStart.LastTwoWayContact,
            Citation = new(SeedDocuments.QualityIwpWebinar2025, "Two-way Communication, cont.",
                "\"Ongoing Support Phase: ENs must follow up with the Ticketholder at least quarterly\"; also " + SeedDocuments.EnGuide
                + ", Section 4, Regular Follow-up during the Ongoing Support Phase."),
        },
        new()
        {
            Id = RuleIds.OspUnassign,
            Description = "Ongoing Support phase: without two-way contact after at least three attempts in three months (or when the ticketholder asks for no further contact), the EN unassigns the ticket within 180 days from the initial contact attempt.",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 180,
            ClockStart = ClockStart.InitialContactAttempt,
            Citation = new(SeedDocuments.EnGuide, "Section 4: EN Supports and Services > Regular Follow-up with Ticketholder during the Ongoing Support Phase",
                "\"In the event the EN does not have a two-way communication with the Ticketholder, or the Ticketholder requests no further contact, the EN shall unassign the Ticket within 180 days from the date of initial contact attempt.\" Same in "
                + SeedDocuments.QualityIwpWebinar2025 + ", Two-way Communication, cont."),
        },
        new()
        {
            Id = RuleIds.DisputeRecommendation,
            Description = "Dispute between an EN and a State VR agency: the PM recommends a resolution within 20 calendar days after receiving the written request.",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 20,
            ClockStart = ClockStart.DisputeRequestReceipt,
            Citation = new(SeedDocuments.Regulations, "20 CFR 411.435(c)(2)",
                "\"The PM has 20 calendar days after receiving a written request to recommend a resolution to the dispute.\""),
        },
        new()
        {
            Id = RuleIds.DisputeDecisionRequest,
            Description = "Dispute: the EN or the State VR agency may ask SSA for a decision within 30 calendar days after receiving the PM's recommendation.",
            Counting = DeadlineCounting.CalendarDays,
            Amount = 30,
            ClockStart = ClockStart.RecommendationReceipt,
            Citation = new(SeedDocuments.Regulations, "20 CFR 411.435(c)(2)",
                "\"the EN or the State VR agency has 30 calendar days after receiving the PM's recommendation to request a decision by us on the matter in dispute.\""),
        },
        new()
        {
            Id = RuleIds.RecordRetention,
            Description = "Ticketholder records may be destroyed from three years after the ticket is unassigned (kept securely until then).",
            Counting = DeadlineCounting.CalendarYears,
            Amount = 3,
            ClockStart = ClockStart.TicketUnassignment,
            Kind = DeadlineKind.NotBefore,
            Citation = new(SeedDocuments.EnGuide, "Individual Work Plan > Storing IWPs (TPA Part III, Section 11.K), item 1",
                "\"During the life of the TPA, the EN may destroy any records for a Ticketholder three years following unassignment of the Ticket.\""),
        },
        new()
        {
            Id = RuleIds.TwlEarningsGoal,
            Description = "The ticketholder works towards monthly earnings at or above the Trial Work Level (TWL) by the 10th month after the IWP is signed.",
            Counting = DeadlineCounting.CalendarMonths,
            Amount = 10,
            ClockStart = ClockStart.LaterSignatureDate,
            Citation = new(SeedDocuments.IwpSummary, "Individual Work Plan, paragraph 5",
                "\"The beneficiary (with the support of the EN) should work towards having monthly earnings of Trial Work Level (TWL) dollar amounts or more by at least the tenth month after signing the IWP.\""),
        },
        new()
        {
            Id = RuleIds.SgaEarningsGoal,
            Description = "The ticketholder has a goal of monthly earnings at or above Substantial Gainful Activity (SGA) after the first year of work.",
            Counting = DeadlineCounting.CalendarMonths,
            Amount = 12,
            ClockStart = ClockStart.WorkStart,
            Citation = new(SeedDocuments.IwpSummary, "Individual Work Plan, paragraph 5",
                "\"The beneficiary should also have a goal to earn at least at the Substantial Gainful Activity (SGA) dollar amount or above a month after the first year of work.\""),
        },
        new()
        {
            Id = RuleIds.CaseNoteWindow,
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Services and Supports review: the EN sends the IWP, all amendments and the case notes of the last {options.CaseNoteWindowMonths} months (all case notes if assigned for less); the date is the first day the case notes must cover."),
            Counting = DeadlineCounting.CalendarMonths,
            Amount = options.CaseNoteWindowMonths,
            ClockStart = ClockStart.ReviewRequestReceipt,
            Kind = DeadlineKind.WindowStart,
            Citation = new(SeedDocuments.QualityIwpWebinar2025, "Services and Supports Request",
                "\"Case notes for the last 12 months.\" The older " + SeedDocuments.EnGuide
                + " (Tips for a Successful Services and Supports Review) asks for \"a minimum of two and a maximum of three years\"; the months are configurable (Rulebook:CaseNoteWindowMonths) and default to the newer webinar's 12."),
        },
    ];
}
