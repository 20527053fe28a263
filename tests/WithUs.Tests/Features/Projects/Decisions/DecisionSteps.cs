using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Projects.Decisions;

/// <summary>What the decision pages' tests start from: a project with two partners and the signed-in member of staff in its team.</summary>
public static class DecisionSteps
{
    public sealed record ProjectWithTeam(Project Project, ProjectMember Kasia, ProjectMember Dev, ProjectMember Staff)
    {
        /// <summary>The team's members by the names the tests use: kasia, dev, staff.</summary>
        public Guid Member(string name) => name switch
        {
            "kasia" => Kasia.Id,
            "dev" => Dev.Id,
            "staff" => Staff.Id,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "kasia, dev or staff"),
        };
    }

    public static async Task<ProjectWithTeam> ProjectWithTeamAsync(this WithUsFactory app, SignedIn staff, string title = "Saturday opening")
    {
        var project = await app.CreateProjectAsync(staff.Organisation, title);
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak");
        var dev = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        return new ProjectWithTeam(project,
            await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: kasia.Id),
            await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: dev.Id),
            await app.AddTeamMemberAsync(staff.Organisation, project.Id, userId: staff.User.Id, role: "Staff lead"));
    }
}
