using System.Reflection;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Rules;

public class RulebookTests
{
    private static readonly string SeedsDirectory = FindSeeds();

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
    public void Every_rule_cites_a_seed_document_that_exists_and_a_section()
    {
        foreach (var rule in Rulebook.Default.Rules)
        {
            Assert.True(File.Exists(Path.Combine(SeedsDirectory, rule.Citation.Document)), $"{rule.Id}: {rule.Citation.Document}");
            Assert.False(string.IsNullOrWhiteSpace(rule.Citation.Section), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Id);
        }
    }

    [Fact]
    public void Quoted_citations_are_word_for_word_in_the_cited_document()
    {
        var citations = Rulebook.Default.Rules.Select(r => r.Citation)
            .Concat(Rulebook.Default.ContactCadences.Select(c => c.Citation))
            .Append(EarningsThresholdTable.Citation);
        foreach (var citation in citations)
        {
            var document = Normalise(File.ReadAllText(Path.Combine(SeedsDirectory, citation.Document)));
            var quotes = citation.Text.Split('"').Where((_, i) => i % 2 == 1).ToList();
            Assert.NotEmpty(quotes);
            // The first quote is from the cited document; later ones may be from documents named beside them.
            Assert.Contains(Normalise(quotes[0]), document, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(2024, 1110, 1550, 2590)]
    [InlineData(2025, 1160, 1620, 2700)]
    [InlineData(2026, 1210, 1690, 2830)]
    public void Earnings_amounts_are_those_SSA_published_for_the_year(int year, int twl, int sga, int sgaBlind)
    {
        var amounts = Rulebook.Default.EarningsFor(year, out var exact);
        Assert.True(exact);
        Assert.Equal(twl, amounts.TrialWorkLevelMonthly);
        Assert.Equal(sga, amounts.SubstantialGainfulActivityFor(statutorilyBlind: false));
        Assert.Equal(sgaBlind, amounts.SubstantialGainfulActivityFor(statutorilyBlind: true));
    }

    [Theory]
    [InlineData(2031, 2026)]
    [InlineData(2019, 2024)]
    public void A_year_without_amounts_uses_the_nearest_known_year_and_says_so(int year, int used)
    {
        var amounts = Rulebook.Default.EarningsFor(year, out var exact);
        Assert.False(exact);
        Assert.Equal(used, amounts.Year);
    }

    [Fact]
    public void A_year_missing_inside_the_table_uses_the_latest_earlier_year()
    {
        var rulebook = new Rulebook(new RulebookOptions(), [EarningsThresholdTable.Known[0], EarningsThresholdTable.Known[2]]);
        Assert.Equal(2024, rulebook.EarningsFor(2025, out var exact).Year);
        Assert.False(exact);
    }

    [Fact]
    public void A_new_year_of_amounts_is_one_more_row()
    {
        var rulebook = new Rulebook(new RulebookOptions(), [.. EarningsThresholdTable.Known, new EarningsThresholds(2027, 1260, 1760, 2950)]);
        Assert.Equal(1760, rulebook.EarningsFor(2027, out var exact).SubstantialGainfulActivityMonthly);
        Assert.True(exact);
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

    private static string Normalise(string text) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Replace(text, @"(\w)- *\r?\n(\w)", "$1$2").Replace('\u2019', '\'').Replace("\\$", "$", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal)
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The seeds live beside the repository (../shared/seeds); a copy under docs/seeds is accepted too.
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "docs", "seeds") })
            {
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/seeds directory above " + AppContext.BaseDirectory);
    }
}
