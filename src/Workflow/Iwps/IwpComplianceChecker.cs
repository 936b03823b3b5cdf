using System.Globalization;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// Checks an IWP against the parts of Form SSA-1370 the EN Guide describes, the ten statements of
/// 20 CFR 411.465(a), and the earnings goals of the rulebook. Each finding names its check (<see cref="IwpChecks"/>),
/// the JSON path of the member concerned and the citation.
/// </summary>
public sealed class IwpComplianceChecker
{
    private readonly DeadlineCalculator _deadlines;

    /// <summary>Creates a checker that reads earnings amounts and the submission rule from <paramref name="deadlines"/>' rulebook.</summary>
    public IwpComplianceChecker(DeadlineCalculator deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        _deadlines = deadlines;
    }

    /// <summary>The checker on the default rulebook and calendar.</summary>
    public static IwpComplianceChecker Default { get; } = new(DeadlineCalculator.Default);

    /// <summary>Checks <paramref name="iwp"/>.</summary>
    /// <param name="iwp">The plan.</param>
    /// <param name="today">Today's date in the EN's time zone; signature dates after it are findings. Null skips that check.</param>
    public IwpCheckResult Check(Iwp iwp, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(iwp);
        var run = new Run(_deadlines);
        run.PartOne(iwp);
        run.DiscussionSection(iwp);
        run.WorkHistorySection(iwp.WorkHistory);
        run.GoalsSection(iwp);
        run.ServicesSection(iwp.Services);
        run.PartThree(iwp, today);
        var ordered = run.Findings.OrderBy(f => f.Severity).ToList();
        var later = iwp.Signatures?.LaterSignatureDate();
        var submission = later is { } date ? SubmissionDeadline(date) : null;
        return new IwpCheckResult(ordered, submission) { Notes = run.Notes };
    }

    private Deadline? SubmissionDeadline(DateOnly laterSignature)
    {
        try
        {
            return _deadlines.Compute(RuleIds.IwpSubmission, laterSignature);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A signature dated near 9999-12-31 has no representable deadline; the date itself is already a finding.
            return null;
        }
    }

    private sealed class Run(DeadlineCalculator deadlines)
    {
        private readonly Rulebook rulebook = deadlines.Rulebook;

        public List<IwpFinding> Findings { get; } = [];

        public List<string> Notes { get; } = [];

        private void Add(IwpCheck check, string field, string message) =>
            Findings.Add(new IwpFinding(check.Severity, check.Id, field, message, check.Citation));

        private static bool Missing(string? text) => string.IsNullOrWhiteSpace(text);

        private static string Money(decimal amount) => amount.ToString("$#,##0.##", CultureInfo.InvariantCulture);

        public void PartOne(Iwp iwp)
        {
            var en = iwp.EmploymentNetwork;
            if (en is null)
            {
                Add(IwpChecks.EnContact, "$.employmentNetwork", "The EN's contact information (Part One) is missing.");
                Add(IwpChecks.EnPid, "$.employmentNetwork.pid", "The EN's PID is missing.");
                Add(IwpChecks.BusinessModel, "$.employmentNetwork.businessModel", "The business model is missing.");
            }
            else
            {
                if (Missing(en.Name))
                    Add(IwpChecks.EnContact, "$.employmentNetwork.name", "The EN's name is missing.");
                if (Missing(en.ContactName))
                    Add(IwpChecks.EnContact, "$.employmentNetwork.contactName", "The EN's contact person is missing.");
                if (Missing(en.Phone) && Missing(en.Email))
                    Add(IwpChecks.EnContact, "$.employmentNetwork.phone", "The EN needs a telephone number or email address.");
                if (Missing(en.Pid))
                    Add(IwpChecks.EnPid, "$.employmentNetwork.pid", "The EN's Provider Identification Number (PID) is missing.");
                if (Missing(en.BusinessModel))
                    Add(IwpChecks.BusinessModel, "$.employmentNetwork.businessModel", "Name the business model under which the ticketholder will be served.");
                if (en.PartTimeEmploymentOnly)
                    Add(IwpChecks.PartTimeOnlyModel, "$.employmentNetwork.partTimeEmploymentOnly", "A business model limited to part-time employment only is not allowed.");
            }

            var holder = iwp.Ticketholder;
            if (holder is null)
                Add(IwpChecks.TicketholderContact, "$.ticketholder", "The ticketholder's contact information is missing.");
            else
            {
                if (Missing(holder.Name))
                    Add(IwpChecks.TicketholderContact, "$.ticketholder.name", "The ticketholder's name is missing.");
                if (Missing(holder.Phone) && Missing(holder.Email) && Missing(holder.Address))
                    Add(IwpChecks.TicketholderContact, "$.ticketholder.phone", "The ticketholder needs a telephone number, email or postal address.");
            }

            var alternate = iwp.AlternateContact;
            if (alternate is null)
                Add(IwpChecks.AlternateContact, "$.alternateContact", "The alternate contact is missing.");
            else
            {
                if (Missing(alternate.Name))
                    Add(IwpChecks.AlternateContact, "$.alternateContact.name", "The alternate contact's name is missing.");
                if (Missing(alternate.Phone) && Missing(alternate.Email))
                    Add(IwpChecks.AlternateContact, "$.alternateContact.phone", "The alternate contact needs a telephone number or email address.");
            }
        }

        public void DiscussionSection(Iwp iwp)
        {
            var discussion = iwp.Discussion;
            if (discussion is null)
            {
                Add(IwpChecks.DiscussionArrangement, "$.discussion", "The discussion summary (date, modality, synopsis) is missing.");
                Add(IwpChecks.DiscussionSynopsis, "$.discussion", "The discussion synopsis is missing.");
                return;
            }

            if (discussion.Date is null)
                Add(IwpChecks.DiscussionArrangement, "$.discussion.date", "The date of the discussion is missing.");
            if (discussion.Modality is null)
                Add(IwpChecks.DiscussionArrangement, "$.discussion.modality", "The modality of the discussion is missing.");
            if (Missing(discussion.WhyGoalsAreAttainable))
                Add(IwpChecks.DiscussionSynopsis, "$.discussion.whyGoalsAreAttainable", "Explain why the short- and long-term goals are reasonable and attainable.");
            if (Missing(discussion.HowServicesHelp))
                Add(IwpChecks.DiscussionSynopsis, "$.discussion.howServicesHelp", "Explain how the EN's services and supports will help the ticketholder reach the goals.");

            if (discussion.Date is { } held)
            {
                foreach (var (party, signature) in SignaturesOf(iwp))
                {
                    if (signature?.Date is { } signed && held > signed)
                    {
                        Add(IwpChecks.DiscussionBeforeSigning, "$.discussion.date",
                            Inv($"The discussion ({held:yyyy-MM-dd}) is dated after the {party}'s signature ({signed:yyyy-MM-dd})."));
                    }
                }
            }
        }

        public void WorkHistorySection(IwpWorkHistory? history)
        {
            if (history is null)
            {
                Add(IwpChecks.WorkHistoryPresent, "$.workHistory", "The ticketholder's recent work history is missing.");
                return;
            }

            var jobs = history.Jobs ?? [];
            if (jobs.Count == 0 && !history.NoWorkInPeriod)
                Add(IwpChecks.WorkHistoryPresent, "$.workHistory.jobs", "List the recent jobs, or set noWorkInPeriod when the ticketholder did not work.");
            if (history.MonthsCovered is not { } months)
                Add(IwpChecks.WorkHistoryDetail, "$.workHistory.monthsCovered", "Say how many months the work history covers (at least 6, up to 18).");
            else if (months < 6)
                Add(IwpChecks.WorkHistoryDetail, "$.workHistory.monthsCovered", Inv($"The work history covers {months} months; record at least the last six."));
            for (var i = 0; i < jobs.Count; i++)
            {
                if (jobs[i].MonthlyEarnings is null)
                    Add(IwpChecks.WorkHistoryDetail, Inv($"$.workHistory.jobs[{i}].monthlyEarnings"), "Record the job's monthly earnings (to the ticketholder's best knowledge if there are no paystubs).");
            }
        }

        public void GoalsSection(Iwp iwp)
        {
            var goals = iwp.Goals;
            if (goals is null || Missing(goals.VocationalGoal))
                Add(IwpChecks.Statement1VocationalGoal, "$.goals.vocationalGoal", "The vocational goal developed with the ticketholder is missing.");
            var shortTerm = goals?.ShortTerm;
            var longTerm = goals?.LongTerm;
            Goal(shortTerm, "$.goals.shortTerm", "short-term");
            Goal(longTerm, "$.goals.longTerm", "long-term");
            if (longTerm is not null && Missing(longTerm.Advancement))
                Add(IwpChecks.Statement1Advancement, "$.goals.longTerm.advancement", "Say what job advancement the long-term goal aims at.");

            var signed = iwp.Signatures?.LaterSignatureDate();
            var blind = iwp.Ticketholder?.StatutorilyBlind ?? false;
            if (shortTerm?.MonthlyEarnings is { } shortEarnings)
            {
                var (amounts, note) = AmountsFor(shortTerm.TargetDate, signed, "short-term");
                if (shortEarnings < amounts.TrialWorkLevelMonthly)
                {
                    Add(IwpChecks.ShortTermBelowTwl, "$.goals.shortTerm.monthlyEarnings",
                        $"The short-term goal's {Money(shortEarnings)} a month is below the {amounts.Year} Trial Work Level of {Money(amounts.TrialWorkLevelMonthly)}{note}.");
                }
                else if (shortTerm.TargetDate is { } reachedOn && signed is { } signedOn && TwlExpectedBy(signedOn) is { } tenthMonth && reachedOn > tenthMonth)
                {
                    Add(IwpChecks.ShortTermTwlAfterTenthMonth, "$.goals.shortTerm.targetDate",
                        Inv($"The short-term goal reaches TWL earnings on {reachedOn:yyyy-MM-dd}, after the 10th month after signing ({tenthMonth:yyyy-MM-dd}, rule {RuleIds.TwlEarningsGoal}): plan to reach TWL by then."));
                }
            }

            if (longTerm?.MonthlyEarnings is { } longEarnings)
            {
                var (amounts, note) = AmountsFor(longTerm.TargetDate, signed, "long-term");
                var sga = amounts.SubstantialGainfulActivityFor(blind);
                if (longEarnings < sga)
                {
                    Add(IwpChecks.LongTermBelowSga, "$.goals.longTerm.monthlyEarnings",
                        $"The long-term goal's {Money(longEarnings)} a month is below the {amounts.Year} {(blind ? "blind " : "")}SGA amount of {Money(sga)}{note}.");
                }
            }

            foreach (var (goal, path, name) in new[] { (shortTerm, "$.goals.shortTerm.targetDate", "short-term"), (longTerm, "$.goals.longTerm.targetDate", "long-term") })
            {
                if (goal is not null && goal.TargetDate is null)
                    Add(IwpChecks.GoalTargetDate, path, $"The {name} goal has no target date: a S.M.A.R.T. goal is timely, with a date by which it should be reached.");
            }

            Progression(shortTerm, longTerm, signed);
        }

        private void Goal(IwpGoal? goal, string path, string name)
        {
            if (goal is null)
            {
                Add(IwpChecks.GoalsMeasurable, path, $"The {name} goal is missing.");
                return;
            }

            if (Missing(goal.Description))
                Add(IwpChecks.GoalsMeasurable, path + ".description", $"Describe the {name} goal.");
            if (goal.HoursPerWeek is not > 0)
                Add(IwpChecks.GoalsMeasurable, path + ".hoursPerWeek", $"Give the {name} goal's hours per week.");
            if (goal.MonthlyEarnings is not > 0)
                Add(IwpChecks.GoalsMeasurable, path + ".monthlyEarnings", $"Give the {name} goal's monthly earnings.");
        }

        private void Progression(IwpGoal? shortTerm, IwpGoal? longTerm, DateOnly? signed)
        {
            if (shortTerm?.MonthlyEarnings is { } s && longTerm?.MonthlyEarnings is { } l && l <= s)
                Add(IwpChecks.GoalProgression, "$.goals.longTerm.monthlyEarnings", $"The long-term goal ({Money(l)}) does not earn more than the short-term goal ({Money(s)}).");
            if (shortTerm?.TargetDate is { } shortDate && longTerm?.TargetDate is { } longDate && longDate <= shortDate)
                Add(IwpChecks.GoalProgression, "$.goals.longTerm.targetDate", "The long-term goal's target date is not after the short-term goal's.");
            if (longTerm?.EmploymentType == EmploymentType.PartTime)
                Add(IwpChecks.GoalProgression, "$.goals.longTerm.employmentType", "A part-time long-term goal: the Ticket Program is not meant for working part time indefinitely; show the path to self-sufficiency.");
            if (signed is not { } start)
                return;
            var shortLimit = MonthsAfter(start, ShortTermHorizonMonths);
            var longLimit = MonthsAfter(start, LongTermHorizonMonths);
            if (shortTerm?.TargetDate is { } st && st > shortLimit)
                Add(IwpChecks.GoalProgression, "$.goals.shortTerm.targetDate", Inv($"The short-term goal ({st:yyyy-MM-dd}) lies beyond the first 18 months after signing ({shortLimit:yyyy-MM-dd})."));
            if (longTerm?.TargetDate is { } lt && lt > longLimit)
                Add(IwpChecks.GoalProgression, "$.goals.longTerm.targetDate", Inv($"The long-term goal ({lt:yyyy-MM-dd}) lies beyond five years after signing ({longLimit:yyyy-MM-dd})."));
        }

        // EN Guide, Part Two, Section 3: short-term = the first 18 months; long-term = the next three to five years.
        private const int ShortTermHorizonMonths = 18;
        private const int LongTermHorizonMonths = 60;

        private static DateOnly MonthsAfter(DateOnly start, int months) =>
            start.Year * 12 + start.Month - 1 + months < 9999 * 12 ? start.AddMonths(months) : DateOnly.MaxValue;

        /// <summary>The date by which TWL earnings are expected (rule twl-earnings-goal), or null when it cannot be represented.</summary>
        private DateOnly? TwlExpectedBy(DateOnly signedOn)
        {
            try
            {
                return deadlines.Compute(RuleIds.TwlEarningsGoal, signedOn).Date;
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        /// <summary>
        /// The amounts of the goal's year (its target date's year, else the signing year). A goal years ahead has no
        /// published amounts yet: it is compared with the latest year SSA has published, and the result says so in a note,
        /// never silently.
        /// </summary>
        private (EarningsThresholds Amounts, string Note) AmountsFor(DateOnly? target, DateOnly? signed, string name)
        {
            var latest = rulebook.Earnings[^1];
            var year = target?.Year ?? signed?.Year ?? latest.Year;
            var amounts = rulebook.EarningsFor(year);
            var note = "";
            if (amounts is null)
            {
                var nearest = year < rulebook.Earnings[0].Year ? rulebook.Earnings[0] : latest;
                Notes.Add(Inv($"The {name} goal ({year}): {rulebook.NoAmountsFor(year)}; it was compared with the {nearest.Year} amounts, the nearest SSA has published."));
                note = Inv($" ({rulebook.NoAmountsFor(year)}; compared with {nearest.Year}'s)");
                amounts = nearest;
            }

            if (target is null)
                note += " (the goal has no target date; its year is taken as " + year.ToString(CultureInfo.InvariantCulture) + ")";
            return (amounts, note);
        }

        public void ServicesSection(IReadOnlyList<IwpService>? services)
        {
            services ??= [];
            var anyChecked = false;
            for (var i = 0; i < services.Count; i++)
            {
                var service = services[i];
                if (!service.Checked)
                    continue;
                anyChecked = true;
                var name = service.Service?.ToString() ?? "unnamed service";
                if (Missing(service.Description))
                    Add(IwpChecks.ServiceDescription, Inv($"$.services[{i}].description"), $"The checked service {name} has no description of what the EN will provide.");
                else if (service.Service == IwpServiceKind.BenefitsCounseling
                    && !Mentions(service.Description, "WIPA", "certified", "Work Incentives Planning"))
                {
                    Add(IwpChecks.BenefitsCounseling, Inv($"$.services[{i}].description"), "Say who gives benefits counseling: an SSA-certified benefits counselor, or a referral to WIPA through the Ticket to Work Help Line.");
                }

                if (service.Service is null)
                    Add(IwpChecks.ServiceDescription, Inv($"$.services[{i}].service"), "A checked service does not say which service it is.");
            }

            if (!anyChecked)
                Add(IwpChecks.Statement2Services, "$.services", "No service or support is checked.");
            if (!services.Any(s => s.Checked && s.Service is IwpServiceKind.InitialJobAcquisitionFollowUp or IwpServiceKind.OngoingSupportFollowUp))
                Add(IwpChecks.FollowUpService, "$.services", "Regular follow-up with the ticketholder is not among the checked services.");
        }

        public void PartThree(Iwp iwp, DateOnly? today)
        {
            var terms = iwp.TermsAndConditions;
            Statement(IwpChecks.Statement3Terms, terms?.ServiceConditions, "serviceConditions", "terms and conditions for providing the services");
            Statement(IwpChecks.Statement4NoCharge, terms?.NoChargeToTicketholder, "noChargeToTicketholder", "statement that the EN may not charge the ticketholder");
            Statement(IwpChecks.Statement5EnAmendOrEnd, terms?.EnAmendmentOrTermination, "enAmendmentOrTermination", "conditions under which the EN may amend or end the plan");
            Statement(IwpChecks.Statement6Rights, terms?.TicketholderRights, "ticketholderRights", "statement of the ticketholder's rights");
            Statement(IwpChecks.Statement7Remedies, terms?.Remedies, "remedies", "statement of remedies");
            Statement(IwpChecks.Statement8Privacy, terms?.Privacy, "privacy", "statement on privacy and confidentiality");
            Statement(IwpChecks.Statement9MutualAmendment, terms?.AmendmentByMutualAgreement, "amendmentByMutualAgreement", "right to amend the plan by mutual agreement");
            Statement(IwpChecks.Statement10AccessibleCopy, terms?.AccessibleFormatCopy, "accessibleFormatCopy", "right to a copy in an accessible format");
            if (!Missing(terms?.TicketholderRights) && !Mentions(terms!.TicketholderRights, "take back", "take the ticket back", "retrieve", "unassign", "reassign"))
                Add(IwpChecks.StatementContent, "$.termsAndConditions.ticketholderRights", "The rights statement does not mention taking the ticket back (unassigning it) if dissatisfied.");
            if (!Missing(terms?.Remedies) && !Mentions(terms!.Remedies, "Protection and Advocacy", "PABSS", "P&A"))
                Add(IwpChecks.StatementContent, "$.termsAndConditions.remedies", "The remedies statement does not mention the Protection and Advocacy system.");
            if (Missing(iwp.StatementOfUnderstanding))
                Add(IwpChecks.StatementOfUnderstanding, "$.statementOfUnderstanding", "The statement of understanding is missing.");

            foreach (var (party, signature) in SignaturesOf(iwp))
            {
                var path = party == "ticketholder" ? "$.signatures.ticketholder" : "$.signatures.employmentNetwork";
                if (signature is null)
                {
                    Add(IwpChecks.Signatures, path, $"The {party}'s signature is missing; the IWP is not valid until both parties sign and date it.");
                    continue;
                }

                if (Missing(signature.Name))
                    Add(IwpChecks.Signatures, path + ".name", $"The {party}'s signature has no name.");
                if (signature.Date is not { } date)
                    Add(IwpChecks.Signatures, path + ".date", $"The {party}'s signature is not dated; the IWP is not valid until both parties sign and date it.");
                else if (today is { } now && date > now)
                    Add(IwpChecks.Signatures, path + ".date", Inv($"The {party}'s signature is dated {date:yyyy-MM-dd}, after today ({now:yyyy-MM-dd})."));
                if (signature.Method is null)
                    Add(IwpChecks.SignatureMethod, path + ".method", $"Say how the {party} signed (wet or electronic).");
            }
        }

        private void Statement(IwpCheck check, string? text, string member, string what)
        {
            if (Missing(text))
                Add(check, "$.termsAndConditions." + member, $"The {what} is missing ({check.Citation.Section}).");
        }

        private static IEnumerable<(string Party, IwpSignature? Signature)> SignaturesOf(Iwp iwp)
        {
            yield return ("ticketholder", iwp.Signatures?.Ticketholder);
            yield return ("EN representative", iwp.Signatures?.EmploymentNetwork);
        }

        private static bool Mentions(string? text, params string[] words) =>
            text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

        private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
