using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Layout;

/// <summary>One item of an organisation's navigation: a page, named as Razor Pages names it ("/Voice/Index").</summary>
/// <param name="IncludeBelow">Whether the pages below it (its address and more) also mark it as where you are.</param>
/// <param name="PartnerView">Shown only to partners: a staff view already covers it.</param>
public sealed record NavigationItem(string Page, string Text, bool IncludeBelow = true, bool PartnerView = false);

/// <summary>
/// The organisation navigation. Each item is shown only to someone whose role opens its page, read from the same
/// [MinimumRole] that authorises the page, so nobody is ever linked to a page that would refuse them.
/// </summary>
public static class OrganisationNavigation
{
    public static IReadOnlyList<NavigationItem> Items { get; } =
    [
        new("/Organisations/Index", "Home", IncludeBelow: false),
        new("/Voice/Index", "What people said"),
        new("/Voice/Outcomes/Owed", "Owed a reply"),
        new("/Themes/Index", "Themes"),
        new("/Projects/Index", "Projects"),
        new("/People/Index", "People"),
        new("/Voice/MyVoice/Index", "What I have said", PartnerView: true),
        new("/Projects/Mine/Index", "Your projects", PartnerView: true),
        new("/People/Mine/Index", "About you", PartnerView: true),
        new("/Members/Index", "Team and roles"),
        new("/Organisations/Audit", "Audit log"),
        new("/Settings/Index", "Settings"),
    ];

    public static IEnumerable<NavigationItem> For(PageAccess access, OrganisationRole? role) =>
        Items.Where(i => access.Allows(i.Page, role) && (!i.PartnerView || role == OrganisationRole.Partner));
}
