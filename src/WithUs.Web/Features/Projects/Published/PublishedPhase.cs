namespace WithUs.Web.Features.Projects.Published;

/// <summary>One of the four phases on a project's public page, in the organisation's own name for it.</summary>
public sealed record PublishedPhase(CoPhase Phase, string Name, PhaseStatus Status, bool IsNow)
{
    public string WhatHappens => Phase.WhatHappens();
}
