namespace TicketFlow.Workflow.Rules;

/// <summary>Thrown when a rule id is not in the rulebook; the message lists the ids that are.</summary>
public sealed class UnknownRuleException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="ruleId"/>.</summary>
    public UnknownRuleException(string ruleId, IEnumerable<string> knownIds)
        : base($"Unknown rule '{ruleId}'. Known rules: {string.Join(", ", knownIds)}.")
    {
        RuleId = ruleId;
    }

    /// <summary>The id that was asked for.</summary>
    public string RuleId { get; }
}
