using Microsoft.AspNetCore.Mvc.Testing;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Testing;

/// <summary>Voice rows for the state a test starts from, saved through the app's own context (so they are indexed).</summary>
public static class VoiceData
{
    public static Task<Person> CreatePersonAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        string? name = null, bool mayContact = false, ContactMethod? contactBy = null, string? email = null,
        string? phone = null, Guid? userId = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var person = PeopleRegister.Add(db, name ?? TestData.Unique("Person"), new ContactChoice(mayContact, contactBy, email, phone),
                new ConsentSource(ConsentWay.InPerson, null), DateTime.UtcNow, userId);
            await db.SaveChangesAsync();
            return person;
        });

    /// <summary>Someone's answer about one kind of consent, given or withdrawn (now, unless <paramref name="atUtc"/> says), as staff record it.</summary>
    public static Task RecordConsentAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid personId,
        ConsentKind kind, bool given, DateTime? atUtc = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            PeopleRegister.Record(db, person, kind, given, new ConsentSource(ConsentWay.InPerson, null), atUtc ?? DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>The roles a new organisation starts with (as the set-up and installation pages add them); answers them in order.</summary>
    public static Task<List<InvolvementRole>> AddDefaultRolesAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            InvolvementRoles.AddDefaults(db, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return await db.InvolvementRoles.AsNoTracking().OrderBy(r => r.Position).ToListAsync();
        });

    /// <summary>A stretch of someone holding a role, still held unless <paramref name="endedOn"/> says when it stopped.</summary>
    public static Task<PersonRole> GiveRoleAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid personId,
        Guid roleId, DateTime startedOn, DateTime? endedOn = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var held = new PersonRole
            {
                Id = Guid.CreateVersion7(),
                PersonId = personId,
                RoleId = roleId,
                StartedOn = startedOn.Date,
                EndedOn = endedOn?.Date,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.PersonRoles.Add(held);
            await db.SaveChangesAsync();
            return held;
        });

    /// <summary>Training or a check a role needs, lasting <paramref name="lastsMonths"/> (or for ever).</summary>
    public static Task<RoleRequirement> RequireAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid roleId,
        string name, int? lastsMonths) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var requirement = new RoleRequirement { Id = Guid.CreateVersion7(), RoleId = roleId, Name = name, LastsMonths = lastsMonths, CreatedAtUtc = DateTime.UtcNow };
            db.RoleRequirements.Add(requirement);
            await db.SaveChangesAsync();
            return requirement;
        });

    /// <summary>Every answer about consent the organisation holds for this person, oldest first.</summary>
    public static Task<List<Consent>> ConsentsAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid personId) =>
        app.InOrganisationAsync(organisation, db => db.Consents.AsNoTracking().Where(c => c.PersonId == personId)
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Kind).ToListAsync());

    /// <summary>They agree to equality monitoring and their answers are kept (sealed), as the equality page does.</summary>
    public static Task KeepEqualityAnswersAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid personId,
        IReadOnlyDictionary<string, string> answers) =>
        app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), OrganisationRole.Administrator);
            var db = services.GetRequiredService<WithUsDbContext>();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            PeopleRegister.Record(db, person, ConsentKind.EqualityMonitoring, true, new ConsentSource(ConsentWay.InWriting, null), DateTime.UtcNow);
            await services.GetRequiredService<EqualityMonitoring>().KeepAnswersAsync(person, answers, CancellationToken.None);
            await db.SaveChangesAsync();
        });

    public static Task<Contribution> CreateContributionAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        string text, Action<Contribution>? configure = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var contribution = new Contribution
            {
                Id = Guid.CreateVersion7(),
                Text = text,
                Kind = ContributionKind.Idea,
                Channel = Channel.Conversation,
                SaidOnUtc = DateTime.UtcNow.Date,
                CreatedAtUtc = DateTime.UtcNow,
            };
            configure?.Invoke(contribution);
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution;
        });

    /// <summary>
    /// Many contributions in one save (indexed like any other), for tests that compare a page's cost at two sizes of
    /// organisation: the i-th is given <paramref name="text"/>(i) and then <paramref name="configure"/>(i, it).
    /// </summary>
    public static Task<IReadOnlyList<Contribution>> CreateContributionsAsync(this WebApplicationFactory<Program> app,
        TestOrganisation organisation, int count, Func<int, string> text, Action<int, Contribution>? configure = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var made = new List<Contribution>(count);
            for (var i = 0; i < count; i++)
            {
                var contribution = new Contribution
                {
                    Id = Guid.CreateVersion7(),
                    Text = text(i),
                    Kind = ContributionKind.Idea,
                    Channel = Channel.Conversation,
                    SaidOnUtc = DateTime.UtcNow.Date.AddDays(-(i % 400)),
                    CreatedAtUtc = DateTime.UtcNow,
                };
                configure?.Invoke(i, contribution);
                made.Add(contribution);
            }

            db.Contributions.AddRange(made);
            await db.SaveChangesAsync();
            return (IReadOnlyList<Contribution>)made;
        });

    /// <summary>
    /// Two ideas offered to staff as looking like the same idea (or the offer already there: the background finder
    /// may have stored the same pair a moment earlier); the offer's id.
    /// </summary>
    public static async Task<Guid> CreateSameIdeaOfferAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        Guid a, Guid b, double score = 2.0)
    {
        var (first, second) = SameIdeaOffer.Pair(a, b);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await app.InOrganisationAsync(organisation, async db =>
                {
                    var offers = db.Set<SameIdeaOffer>();
                    if (await offers.SingleOrDefaultAsync(o => o.FirstId == first && o.SecondId == second) is { } existing)
                    {
                        return existing.Id;
                    }

                    var offer = new SameIdeaOffer { Id = Guid.CreateVersion7(), FirstId = first, SecondId = second, Score = score, FoundAtUtc = DateTime.UtcNow };
                    offers.Add(offer);
                    await db.SaveChangesAsync();
                    return offer.Id;
                });
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Stored by the finder meanwhile: the next attempt finds it.
            }
        }
    }

    /// <summary>
    /// An idea from <paramref name="person"/> (someone new when none is given) whose outcome was decided at
    /// <paramref name="decidedAtUtc"/> and not yet told to them: an outcome they are owed.
    /// </summary>
    public static async Task<Contribution> CreateOwedIdeaAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        string text, OutcomeStatus outcome, DateTime decidedAtUtc, Person? person = null)
    {
        // Owed a reply: someone who agreed to be told (a person who asked not to be contacted is not owed one).
        person ??= await app.CreatePersonAsync(organisation, mayContact: true, contactBy: ContactMethod.Email, email: $"{Guid.NewGuid():N}@example.org");
        return await app.CreateContributionAsync(organisation, text, c =>
        {
            c.PersonId = person.Id;
            c.Outcome = outcome;
            c.OutcomeAtUtc = decidedAtUtc;
        });
    }

    public static Task<Theme> CreateThemeAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, string? name = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var theme = new Theme { Id = Guid.CreateVersion7(), Name = name ?? TestData.Unique("Theme"), CreatedAtUtc = DateTime.UtcNow };
            db.Themes.Add(theme);
            await db.SaveChangesAsync();
            return theme;
        });

    public static Task AddThemeAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid contributionId, Guid themeId) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = contributionId, ThemeId = themeId });
            await db.SaveChangesAsync();
        });
}
