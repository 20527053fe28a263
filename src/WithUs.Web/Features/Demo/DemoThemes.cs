namespace WithUs.Web.Features.Demo;

/// <summary>
/// What each demo theme is for, as a coordinator would describe it when setting it up. The capture page offers a
/// theme when what is typed comes close to its name and description (and to ideas already filed under it), so a
/// newcomer typing something like an earlier idea sees its themes suggested.
/// </summary>
public static class DemoThemes
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        // Harbour Lane Day Centre
        ["Food"] = "What we eat and drink here: breakfasts, meals, snacks and the community larder.",
        ["Getting help"] = "Advice and support with benefits, forms, housing applications and appointments.",
        ["Activities"] = "Things to do together: art, sport, games and groups.",
        ["The building"] = "The centre itself: rooms, showers, heating, lockers and somewhere quiet.",
        ["Moving on"] = "Getting ready for life after the centre: a home, work, volunteering and references.",

        // Evergreen Social Club
        ["Events"] = "What members put on and go to: dances, trips, parties and socials.",
        ["Getting here"] = "How members travel to and from the club: buses, lifts and a minibus.",
        ["Health"] = "Staying well and comfortable: exercise, warmth and feeling safe.",
        ["Technology"] = "Using phones, tablets, video calls and the internet.",

        // Brookside Community Network
        ["Sport and exercise"] = "Sports clubs, classes, walking and keeping active.",
        ["Women only"] = "Sessions and spaces just for women, where they feel comfortable.",
        ["Children"] = "Childcare, a crèche and activities for children while parents take part.",
        ["Language"] = "Information and classes in the languages people speak, and English classes.",
        ["Safety"] = "Feeling safe getting here and being here: lighting, paths and the building.",

        // Open Arms Cancer Support
        ["Peer support"] = "Groups and buddies: people who have been through cancer supporting each other.",
        ["Information"] = "Clear information about cancer, screening, treatment and what comes next.",
        ["Trans health"] = "Care, screening and respect for trans and non-binary people.",
        ["Carers"] = "Support for partners, family and friends who care for someone with cancer.",

        // Millbrook Homes
        ["Community grants"] = "Grants for residents' groups: the application form, the criteria and the panel.",
        ["Repairs"] = "Things in homes and blocks that need fixing, and how long repairs take.",
        ["Green spaces"] = "Gardens, parks, trees and keeping the outside of the estate clean, bins included.",
        ["Young people"] = "Children and teenagers on the estate: play areas and things to do.",
        ["Communication"] = "How we keep residents informed and tell them what happened to their ideas.",
    };

    public static string? Description(string theme) => Descriptions.GetValueOrDefault(theme);
}
