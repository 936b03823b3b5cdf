namespace TicketFlow.Workflow.Iwps;

/// <summary>The service and support boxes of Form SSA-1370, Part Two, Section 4, as the EN Guide lists them.</summary>
public enum IwpServiceKind
{
    /// <summary>Career planning: benefits counseling (SSA-approved benefits counselor, or referral to WIPA).</summary>
    BenefitsCounseling,

    /// <summary>Career planning: goal setting.</summary>
    GoalSetting,

    /// <summary>Career planning: job coaching.</summary>
    JobCoaching,

    /// <summary>Career planning: job development.</summary>
    JobDevelopment,

    /// <summary>Career planning: training.</summary>
    Training,

    /// <summary>Job placement assistance: job search.</summary>
    JobSearch,

    /// <summary>Job placement assistance: job accommodation.</summary>
    JobAccommodation,

    /// <summary>Job placement assistance: job placement.</summary>
    JobPlacement,

    /// <summary>Regular follow-up during the Initial Job Acquisition phase (at least monthly).</summary>
    InitialJobAcquisitionFollowUp,

    /// <summary>Regular follow-up during the Ongoing Support phase (at least quarterly).</summary>
    OngoingSupportFollowUp,

    /// <summary>Ongoing employment support: job stabilization and retention.</summary>
    JobStabilizationAndRetention,

    /// <summary>Ongoing employment support: career advancement counseling.</summary>
    CareerAdvancementCounseling,

    /// <summary>Any other service; describe it.</summary>
    Other,
}
