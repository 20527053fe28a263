using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// Everything held about one person in one organisation, for their own eyes: the file they download and the page that
/// reads it out. Built from their own rows only. Where something of theirs points at someone else's words (an idea they
/// said "me too" to, or showed interest in), only what the organisation published for everyone is included.
/// </summary>
public sealed record PersonalData(
    DateTime MadeAtUtc,
    string Organisation,
    PersonalData.AccountPart? Account,
    PersonalData.RecordPart? Record,
    IReadOnlyList<PersonalData.AnswerPart> Agreed,
    IReadOnlyDictionary<string, string>? EqualityAnswers,
    IReadOnlyList<PersonalData.RolePart> Roles,
    IReadOnlyList<PersonalData.TrainingPart> Training,
    IReadOnlyList<PersonalData.RecognitionPart> Recognition,
    IReadOnlyList<PersonalData.SaidPart> Said,
    IReadOnlyList<PersonalData.InterestPart> Interests,
    IReadOnlyList<PersonalData.ContactedPart> Contacted,
    IReadOnlyList<PersonalData.RequestPart> Requests)
{
    public sealed record AccountPart(string Name, string? Email, DateTime CreatedAtUtc, bool TwoFactor, string Role);

    public sealed record RecordPart(string Name, string? Pronouns, string? Languages, string GetInTouch, string? ContactBy,
        string? Email, string? Phone, string? PostalAddress, string? ThroughWorker, string? NotToContact,
        IReadOnlyList<string> AccessNeeds, string? InterpreterLanguage, string? OtherNeed, string? PrivateNeed, DateTime AddedAtUtc);

    public sealed record AnswerPart(string What, bool Yes, DateTime AtUtc, string How);

    public sealed record RolePart(string Role, DateTime From, DateTime? To);

    public sealed record TrainingPart(string What, DateTime DoneOn, DateTime? RunsOutOn);

    public sealed record RecognitionPart(string Kind, string What, DateTime GivenOn);

    /// <param name="AgreedWith">When this was a "me too": the idea it agreed with, in the words published for everyone, if any.</param>
    public sealed record SaidPart(string Words, DateTime SaidOn, string Kind, string How, string? AgreedWith, string WhatHappened,
        string? Why, DateTime? ToldAtUtc);

    public sealed record InterestPart(string In, string Kind, DateTime AtUtc);

    public sealed record ContactedPart(string About, string How, DateTime AtUtc);

    public sealed record RequestPart(string What, DateTime AskedAtUtc, DateTime DueOn, string Status);

    public bool HoldsNothing => Record is null;

    /// <summary>
    /// Everything about the person linked to this account in the organisation the context acts in (null person: only
    /// the account). Nothing is written.
    /// </summary>
    public static async Task<PersonalData> ForAsync(WithUsDbContext db, EqualityMonitoring sealedDetails, Guid userId, Person? person,
        string organisation, OrganisationRole? role, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var account = user is null
            ? null
            : new AccountPart(user.DisplayName, user.Email, user.CreatedAtUtc, user.TwoFactorEnabled, (role ?? OrganisationRole.Partner).ToString());
        if (person is null)
        {
            return new(nowUtc, organisation, account, null, [], null, [], [], [], [], [], [], []);
        }

        var id = person.Id;
        var privateNeed = person.HasPrivateNeed() ? await sealedDetails.TheirOwnPrivateNeedAsync(person, cancellationToken) : null;
        var record = new RecordPart(person.Name, person.Pronouns, person.Languages, person.ContactSummary(), person.ContactBy?.DisplayName(),
            person.Email, person.Phone, person.PostalAddress, person.ThroughWorker, person.NotToContact,
            AccessNeedWords.Each.Where(n => n != AccessNeed.Other && person.AccessNeeds.HasFlag(n)).Select(n => n.ForThem()).ToList(),
            person.InterpreterLanguage, person.OtherAccessNeed, privateNeed, person.CreatedAtUtc);

        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.AtUtc).ToListAsync(cancellationToken);
        var agreed = consents.Select(c => new AnswerPart(c.Kind.ForThem(), c.Given, c.AtUtc, ConsentState.How(c))).ToList();

        var answers = await sealedDetails.TheirOwnAnswersAsync(person, cancellationToken);
        var equality = answers?.Select(a => (Question: EqualityQuestions.Find(a.Key), Code: a.Value))
            .Where(a => a.Question?.Find(a.Code) is not null)
            .ToDictionary(a => a.Question!.Title, a => a.Question!.Find(a.Code)!.Words, StringComparer.Ordinal);

        var roles = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.StartedOn)
            .Select(r => new RolePart(r.Role!.Name, r.StartedOn, r.EndedOn)).ToListAsync(cancellationToken);
        var training = await (
                from t in db.TrainingRecords.AsNoTracking()
                join q in db.RoleRequirements.AsNoTracking() on t.RequirementId equals q.Id
                where t.PersonId == id
                orderby t.DoneOn
                select new TrainingPart(q.Name, t.DoneOn, t.ExpiresOn))
            .ToListAsync(cancellationToken);
        var recognition = await db.Recognitions.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.GivenOn)
            .Select(r => new { r.Kind, r.Title, r.GivenOn }).ToListAsync(cancellationToken);

        var said = await db.Contributions.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.SaidOnUtc)
            .Select(c => new
            {
                c.Text,
                c.SaidOnUtc,
                c.Kind,
                c.Channel,
                AgreedWith = c.LinkedTo != null && c.LinkedTo.IsPublished ? c.LinkedTo.PublicSummary : null,
                IsMeToo = c.LinkedToId != null,
                Outcome = c.LinkedTo != null ? c.LinkedTo.Outcome : c.Outcome,
                Why = c.LinkedTo != null ? c.LinkedTo.OutcomeExplanation : c.OutcomeExplanation,
                c.ToldAtUtc,
            })
            .ToListAsync(cancellationToken);
        var interests = await db.Interests.AsNoTracking().Where(i => i.PersonId == id).OrderBy(i => i.CreatedAtUtc)
            .Select(i => new
            {
                Theme = i.Theme != null ? i.Theme.Name : null,
                Own = i.Contribution != null && i.Contribution.PersonId == id ? i.Contribution.Text : null,
                Published = i.Contribution != null && i.Contribution.IsPublished ? i.Contribution.PublicSummary : null,
                i.Kind,
                i.CreatedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var contacted = await db.ReachBacks.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.AtUtc)
            .Select(r => new ContactedPart(r.About, r.Method.DisplayName(), r.AtUtc)).ToListAsync(cancellationToken);
        var requests = await db.DataRequests.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.RequestedAtUtc)
            .Select(r => new { r.Kind, r.RequestedAtUtc, r.DueOn, r.DoneAtUtc }).ToListAsync(cancellationToken);

        return new(nowUtc, organisation, account, record, agreed, equality, roles, training,
            recognition.ConvertAll(r => new RecognitionPart(r.Kind.Words(), r.Title, r.GivenOn)),
            said.ConvertAll(s => new SaidPart(s.Text, s.SaidOnUtc, s.Kind.DisplayName(), s.Channel.DisplayName(),
                s.IsMeToo ? s.AgreedWith ?? "An idea someone else shared" : null, s.Outcome.DisplayName(), s.Why, s.ToldAtUtc)),
            interests.ConvertAll(i => new InterestPart(
                i.Theme is { } theme ? "The theme " + theme : i.Own ?? i.Published ?? "An idea someone else shared",
                i.Kind.DisplayName(), i.CreatedAtUtc)),
            contacted,
            requests.ConvertAll(r => new RequestPart(r.Kind.ForThem(), r.RequestedAtUtc, r.DueOn, r.DoneAtUtc is null ? "Waiting" : "Done")));
    }
}
