namespace TicketFlow.Workflow.Iwps;

/// <summary>How the one-on-one discussion took place.</summary>
public enum DiscussionModality
{
    /// <summary>In person.</summary>
    FaceToFace,

    /// <summary>By telephone.</summary>
    Telephone,

    /// <summary>By video call (Zoom, Microsoft Teams, Google Meet...).</summary>
    Video,

    /// <summary>Another way; say which in the synopsis.</summary>
    Other,
}
