namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>What staff made of two ideas that look like the same one. Stored as a number: never renumber.</summary>
public enum SameIdeaDecision
{
    /// <summary>Shown to staff, not yet decided.</summary>
    Offered = 0,

    /// <summary>One became a "me too" of the other.</summary>
    Linked = 1,

    /// <summary>Staff said they are different ideas (or separated them after a link): never offered again.</summary>
    NotTheSame = 2,
}
