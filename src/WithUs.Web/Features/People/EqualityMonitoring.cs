using System.Text.Json;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.People;

/// <summary>
/// Keeps a person's equality monitoring answers and a private access need sealed (<see cref="SealedDetail"/>), and
/// is the only code that opens them: to count everyone's answers, with small numbers hidden, and to show a person
/// their own. Nothing here saves: callers save with the rest of their change.
/// </summary>
public sealed class EqualityMonitoring(WithUsDbContext db, Sealer sealer, TimeProvider clock)
{
    /// <summary>Keeps their answers (question code to choice code), replacing any they gave before. Unknown questions
    /// and choices are dropped; questions they left out are simply not kept.</summary>
    public async Task KeepAnswersAsync(Person person, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        var known = EqualityQuestions.All
            .Where(q => answers.TryGetValue(q.Code, out var code) && q.Find(code) is not null)
            .ToDictionary(q => q.Code, q => answers[q.Code], StringComparer.Ordinal);
        await KeepAsync(person, SealedDetailKind.EqualityAnswers, JsonSerializer.Serialize(known), cancellationToken);
    }

    /// <summary>Their answers, for their own eyes only; null when they have given none.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> TheirOwnAnswersAsync(Person person, CancellationToken cancellationToken) =>
        await OpenAsync(person, SealedDetailKind.EqualityAnswers, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json)
            : null;

    /// <summary>When they gave their answers, without opening them: what staff may know.</summary>
    public Task<DateTime?> AnsweredAtAsync(Guid personId, CancellationToken cancellationToken) =>
        db.SealedDetails.AsNoTracking()
            .Where(s => s.PersonId == personId && s.Kind == SealedDetailKind.EqualityAnswers)
            .Select(s => (DateTime?)s.AtUtc)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task ForgetAsync(Guid personId, SealedDetailKind kind, CancellationToken cancellationToken) =>
        db.SealedDetails.RemoveRange(await db.SealedDetails.Where(s => s.PersonId == personId && s.Kind == kind).ToListAsync(cancellationToken));

    /// <summary>Keeps an access need in their words that is about their health or housing; null or blank forgets it.</summary>
    public async Task KeepPrivateNeedAsync(Person person, string? words, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            await ForgetAsync(person.Id, SealedDetailKind.PrivateAccessNeed, cancellationToken);
            return;
        }

        await KeepAsync(person, SealedDetailKind.PrivateAccessNeed, words.Trim(), cancellationToken);
    }

    /// <summary>Their private access need, for their own eyes only.</summary>
    public Task<string?> TheirOwnPrivateNeedAsync(Person person, CancellationToken cancellationToken) =>
        OpenAsync(person, SealedDetailKind.PrivateAccessNeed, cancellationToken);

    /// <summary>Whether they have a private need kept, without opening it: what staff may know.</summary>
    public Task<bool> HasPrivateNeedAsync(Guid personId, CancellationToken cancellationToken) =>
        db.SealedDetails.AnyAsync(s => s.PersonId == personId && s.Kind == SealedDetailKind.PrivateAccessNeed, cancellationToken);

    /// <summary>Everyone's answers in this organisation, counted, with small numbers hidden.</summary>
    public async Task<EqualityCounts> CountAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SealedDetails.AsNoTracking()
            .Where(s => s.Kind == SealedDetailKind.EqualityAnswers)
            .Select(s => new { s.PersonId, s.OrganisationId, s.Value })
            .ToListAsync(cancellationToken);
        var tallies = EqualityQuestions.All.ToDictionary(q => q.Code, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var unreadable = 0;
        foreach (var row in rows)
        {
            Dictionary<string, string> answers;
            try
            {
                answers = JsonSerializer.Deserialize<Dictionary<string, string>>(
                    sealer.Open(row.Value, SealedDetail.Context(row.OrganisationId, row.PersonId, SealedDetailKind.EqualityAnswers)))!;
            }
            catch (SealedValueUnreadableException)
            {
                unreadable++;
                continue;
            }

            foreach (var question in EqualityQuestions.All)
            {
                var code = answers.TryGetValue(question.Code, out var given) && question.Find(given) is not null
                    ? given
                    : EqualityQuestions.NotAnswered;
                var tally = tallies[question.Code];
                tally[code] = tally.GetValueOrDefault(code) + 1;
            }
        }

        var total = rows.Count - unreadable;
        var questions = EqualityQuestions.All.Select(q =>
        {
            var choices = q.Choices.Select(c => (c.Words, c.Group))
                .Append(("Did not answer", null))
                .ToList();
            var counts = q.Choices.Select(c => tallies[q.Code].GetValueOrDefault(c.Code))
                .Append(tallies[q.Code].GetValueOrDefault(EqualityQuestions.NotAnswered))
                .ToList();
            var shown = SmallNumbers.Suppress(counts);
            return new EqualityQuestionCounts(q, choices.Select((c, i) => new EqualityCount(c.Words, c.Group, shown[i])).ToList());
        }).ToList();
        return new EqualityCounts(total, unreadable, total < SmallNumbers.Threshold ? [] : questions);
    }

    private async Task KeepAsync(Person person, SealedDetailKind kind, string plain, CancellationToken cancellationToken)
    {
        // Sealed to the organisation the row is saved in (the write guard stamps it with the same), which a person
        // added in this same unit of work does not carry yet.
        var organisationId = db.CurrentOrganisationId ?? throw new InvalidOperationException("Sealed details belong to an organisation.");
        var value = sealer.Seal(plain, SealedDetail.Context(organisationId, person.Id, kind));
        var row = await db.SealedDetails.SingleOrDefaultAsync(s => s.PersonId == person.Id && s.Kind == kind, cancellationToken);
        if (row is null)
        {
            db.SealedDetails.Add(new SealedDetail
            {
                Id = Ids.New(),
                PersonId = person.Id,
                OrganisationId = organisationId,
                Kind = kind,
                KeyName = sealer.CurrentKey,
                Value = value,
                AtUtc = clock.GetUtcNow().UtcDateTime,
            });
            return;
        }

        row.KeyName = sealer.CurrentKey;
        row.Value = value;
        row.AtUtc = clock.GetUtcNow().UtcDateTime;
    }

    private async Task<string?> OpenAsync(Person person, SealedDetailKind kind, CancellationToken cancellationToken)
    {
        var value = await db.SealedDetails.AsNoTracking()
            .Where(s => s.PersonId == person.Id && s.Kind == kind)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken);
        return value is null ? null : sealer.Open(value, SealedDetail.Context(person.OrganisationId, person.Id, kind));
    }
}

/// <summary>How many people gave each answer; <see cref="Shown"/> is null where it must read "fewer than 5".</summary>
public sealed record EqualityCount(string Words, string? Group, int? Shown);

public sealed record EqualityQuestionCounts(EqualityQuestion Question, IReadOnlyList<EqualityCount> Counts);

/// <summary>
/// The organisation's answers counted: how many people answered, how many answers cannot be opened (their key is
/// missing), and each question's counts, none at all when fewer than five people answered.
/// </summary>
public sealed record EqualityCounts(int People, int Unreadable, IReadOnlyList<EqualityQuestionCounts> Questions);
