namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>What the offer partial needs: the offer, the organisation's address name, and the idea page it is shown on
/// (null on the staff home), to come back to after "Not the same idea".</summary>
public sealed record OfferView(OpenOffer Offer, string Slug, Guid? ShownOn = null);
