using System.Reflection;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tests.Support;

namespace TicketFlow.Workflow.Tests.Rules;

public class RulebookTests
{
    [Fact]
    public void The_rulebook_holds_every_deadline_the_issue_names()
    {
        string[] required = ["iwp-submission", "pm-review", "ija-unassign", "osp-unassign", "dispute-recommendation",
            "dispute-decision-request", "record-retention", "twl-earnings-goal", "sga-earnings-goal"];
        Assert.All(required, id => Assert.True(Rulebook.Default.TryGet(id, out _), id));
    }

    [Fact]
    public void Every_rule_id_constant_names_a_rule_and_every_rule_has_a_constant()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).Order().ToList();
        Assert.Equal(constants, Rulebook.Default.Rules.Select(r => r.Id).Order().ToList());
    }

    [Fact]
    public void Every_rule_cites_a_document_by_title_and_a_section_never_a_file_name()
    {
        var citations = Rulebook.Default.Rules.Select(r => (r.Id, r.Citation))
            .Concat(Rulebook.Default.ContactCadences.Select(c => (c.Phase.ToString(), c.Citation)))
            .Append(("earnings", EarningsThresholdTable.Citation));
        foreach (var (id, citation) in citations)
        {
            Assert.Contains(citation.Document, SeedDocuments.All);
            Assert.False(string.IsNullOrWhiteSpace(citation.Section), id);
            Assert.DoesNotMatch(@"\d{3}_[0-9a-f]{16}\.txt", citation.ToString());
        }

        Assert.All(Rulebook.Default.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description), r.Id));
    }

    [Theory]
    [InlineData(RuleIds.DisputeRecommendation, "20 CFR 411.435(c)(2)")]
    [InlineData(RuleIds.IwpSubmission, "EN Guide for Working with Ticketholders, Individual Work Plan > Submitting IWPs")]
    [InlineData(RuleIds.PmReview, "EN Guide for Working with Ticketholders, Individual Work Plan > Submitting IWPs")]
    public void A_citation_reads_as_a_reader_looks_it_up(string ruleId, string source) =>
        Assert.Equal(source, Rulebook.Default.Get(ruleId).Citation.Source);

    [SeedsFact]
    public void Every_cited_document_maps_to_a_seed_file()
    {
        foreach (var title in SeedDocuments.All.Where(t => t != SeedDocuments.SsaEarningsAmounts))
            Assert.True(File.Exists(Path.Combine(SeedTexts.Directory!, SeedTexts.FileOf[title])), title);
    }

    [SeedsFact]
    public void Quoted_citations_are_word_for_word_in_the_cited_document()
    {
        var citations = Rulebook.Default.Rules.Select(r => r.Citation)
            .Concat(Rulebook.Default.ContactCadences.Select(c => c.Citation))
            .Append(EarningsThresholdTable.Citation)
            .Concat(TicketFlow.Workflow.Iwps.IwpChecks.All.Select(c => c.Citation));
        foreach (var citation in citations)
        {
            var quotes = citation.Text.Split('"').Where((_, i) => i % 2 == 1).ToList();
            if (citation.Text.StartsWith("Paraphrase of ", StringComparison.Ordinal))
            {
                // Only where the seed copy lacks the paragraph: 20 CFR 411.465(a)(4)-(10).
                Assert.Matches(@"^20 CFR 411\.465\(a\)\((4|5|6|7|8|9|10)\)", citation.Section);
                continue;
            }

            Assert.NotEmpty(quotes);
            // The first quote is from the cited document (for the earnings table: the webinar it names); later ones may
            // be from documents named beside them.
            var document = citation.Document == SeedDocuments.SsaEarningsAmounts ? SeedDocuments.QualityIwpWebinar2025 : citation.Document;
            Assert.True(SeedTexts.Text(document).Contains(SeedTexts.Normalise(quotes[0]), StringComparison.Ordinal), $"{citation.Source}: \"{quotes[0]}\" is not word for word in {document}");
        }
    }

    [Fact]
    public void The_S_and_S_case_note_citation_names_the_older_guides_different_window()
    {
        var citation = Rulebook.Default.Get(RuleIds.CaseNoteWindow).Citation;
        Assert.Contains(SeedDocuments.EnGuide, citation.Text, StringComparison.Ordinal);
        Assert.Contains("two and a maximum of three years", citation.Text, StringComparison.Ordinal);
        Assert.Equal(12, Rulebook.Default.Get(RuleIds.CaseNoteWindow).Amount);
    }

    // SSA's published amounts (Office of the Chief Actuary; the annual COLA fact sheets); 2025's SGA also in the webinar.
    [Theory]
    [InlineData(2022, 970, 1350, 2260)]
    [InlineData(2023, 1050, 1470, 2460)]
    [InlineData(2024, 1110, 1550, 2590)]
    [InlineData(2025, 1160, 1620, 2700)]   // "the current SGA amount of $1,620" (Program Integrity webinar, 2025)
    [InlineData(2026, 1210, 1690, 2830)]
    public void Earnings_amounts_are_those_SSA_published_for_the_year(int year, int twl, int sga, int sgaBlind)
    {
        var amounts = Rulebook.Default.EarningsFor(year);
        Assert.NotNull(amounts);
        Assert.Equal(twl, amounts.TrialWorkLevelMonthly);
        Assert.Equal(sga, amounts.SubstantialGainfulActivityFor(statutorilyBlind: false));
        Assert.Equal(sgaBlind, amounts.SubstantialGainfulActivityFor(statutorilyBlind: true));
    }

    [Theory]
    [InlineData(2027)]   // not announced yet
    [InlineData(2031)]
    [InlineData(2019)]   // before the table
    public void A_year_without_amounts_has_none_and_says_so_never_another_years(int year)
    {
        Assert.Null(Rulebook.Default.EarningsFor(year));
        Assert.StartsWith($"no TWL/SGA amounts for {year}", Rulebook.Default.NoAmountsFor(year), StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_missing_inside_the_table_has_no_amounts()
    {
        var rulebook = new Rulebook(new RulebookOptions(), [EarningsThresholdTable.Known[0], EarningsThresholdTable.Known[2]]);
        Assert.Null(rulebook.EarningsFor(EarningsThresholdTable.Known[1].Year));
    }

    [Fact]
    public void A_new_year_of_amounts_is_one_more_row()
    {
        var rulebook = new Rulebook(new RulebookOptions(), [.. EarningsThresholdTable.Known, new EarningsThresholds(2027, 1260, 1760, 2950)]);
        Assert.Equal(1760, rulebook.EarningsFor(2027)!.SubstantialGainfulActivityMonthly);
    }

    [Theory]
    [InlineData(ServicePhase.InitialJobAcquisition, 1, 3, "ija-unassign", 60)]
    [InlineData(ServicePhase.OngoingSupport, 3, 3, "osp-unassign", 180)]
    public void Contact_cadence_is_monthly_then_quarterly_with_three_attempts(ServicePhase phase, int months, int attempts, string unassignRule, int unassignDays)
    {
        var cadence = Rulebook.Default.CadenceFor(phase);
        Assert.Equal(months, cadence.PeriodMonths);
        Assert.Equal(attempts, cadence.MinimumAttempts);
        Assert.Equal(unassignRule, cadence.UnassignRuleId);
        Assert.Equal(unassignDays, Rulebook.Default.Get(cadence.UnassignRuleId).Amount);
    }

    [Fact]
    public void The_conventions_state_the_no_roll_business_day_and_time_zone_rules()
    {
        var text = string.Join(" ", Rulebook.Default.Conventions.Select(c => c.Text));
        Assert.Contains("does not move", text, StringComparison.Ordinal);
        Assert.Contains("day 1", text, StringComparison.Ordinal);
        Assert.Contains("America/New_York", text, StringComparison.Ordinal);
        Assert.Contains("federal holidays as observed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    public void A_case_note_window_below_one_month_is_refused(int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rulebook(new RulebookOptions { CaseNoteWindowMonths = months }));
}
