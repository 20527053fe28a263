namespace WithUs.Web.Features.People;

/// <summary>
/// The one way a person comes to be kept here and the one way what they agreed to changes. Staff adding someone,
/// capture of someone new, the public forms, My voice, the CSV import and the demo all come through
/// <see cref="Add"/>, so every person starts with their consent recorded as what, when, how and by whom; every later
/// change goes through <see cref="Record"/>, which keeps the history and the person's current answers in step.
/// Nothing here saves: the caller saves with the rest of its change.
/// </summary>
public static class PeopleRegister
{
    /// <summary>
    /// Adds someone who agreed that we keep what they say with their name (nobody is added without it), with their
    /// answer about being contacted and the way it gives; null when they were not asked (My voice, a file without the
    /// column). <paramref name="name"/> must already be checked by <see cref="PersonDetails.Name"/>.
    /// </summary>
    public static Person Add(WithUsDbContext db, string name, ContactChoice? contact, ConsentSource source, DateTime nowUtc,
        Guid? userId = null, Guid? id = null)
    {
        var person = new Person { Id = id ?? Ids.New(), Name = name, UserId = userId, CreatedAtUtc = nowUtc };
        db.People.Add(person);
        Record(db, person, ConsentKind.Record, true, source, nowUtc);
        if (contact is not null)
        {
            Record(db, person, ConsentKind.Contact, contact.MayContact, source, nowUtc);
            Apply(person, contact.Kept);
        }

        return person;
    }

    /// <summary>
    /// Their answer about one thing, given or withdrawn, added to their history. Withdrawing contact forgets how to
    /// reach them at once, so they leave every reach-back and contact list in the same save.
    /// </summary>
    public static Consent Record(WithUsDbContext db, Person person, ConsentKind kind, bool given, ConsentSource source, DateTime nowUtc)
    {
        if (kind == ConsentKind.EqualityMonitoring && !given)
        {
            throw new InvalidOperationException("Withdrawing equality monitoring forgets their answers: use RecordAsync.");
        }

        var consent = Answer(db, person, kind, given, source, nowUtc);
        switch (kind)
        {
            case ConsentKind.Record:
                person.ConsentToRecord = given;
                break;
            case ConsentKind.Contact when !given:
                Apply(person, ContactChoice.None);
                break;
            case ConsentKind.Contact:
                person.MayContact = true;
                break;
        }

        return consent;
    }

    /// <summary>
    /// <see cref="Record"/> for any kind, including equality monitoring: withdrawing that forgets their sealed answers in
    /// the same save, so nothing they took back is ever counted again.
    /// </summary>
    public static async Task<Consent> RecordAsync(WithUsDbContext db, Person person, ConsentKind kind, bool given, ConsentSource source,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (kind != ConsentKind.EqualityMonitoring || given)
        {
            return Record(db, person, kind, given, source, nowUtc);
        }

        db.SealedDetails.RemoveRange(await db.SealedDetails
            .Where(s => s.PersonId == person.Id && s.Kind == SealedDetailKind.EqualityAnswers)
            .ToListAsync(cancellationToken));
        return Answer(db, person, kind, false, source, nowUtc);
    }

    private static Consent Answer(WithUsDbContext db, Person person, ConsentKind kind, bool given, ConsentSource source, DateTime nowUtc)
    {
        var consent = new Consent
        {
            Id = Ids.New(),
            PersonId = person.Id,
            Kind = kind,
            Given = given,
            AtUtc = nowUtc,
            Way = source.Way,
            RecordedByUserId = source.RecordedByUserId,
            ThroughWhom = source.Way == ConsentWay.ThroughSomeone ? source.ThroughWhom : null,
        };
        db.Consents.Add(consent);
        return consent;
    }

    /// <summary>
    /// Sets whether and how they may be contacted. A change of the answer itself is consent given or withdrawn, and is
    /// recorded as such; a new email address or way of contact under the same answer is not.
    /// </summary>
    public static void SetContact(WithUsDbContext db, Person person, ContactChoice contact, ConsentSource source, DateTime nowUtc)
    {
        var kept = contact.Kept;
        if (kept.MayContact != person.MayContact)
        {
            Record(db, person, ConsentKind.Contact, kept.MayContact, source, nowUtc);
        }

        Apply(person, kept);
    }

    /// <summary>A new name, or a new way or address under the same answer about contact (not consent: see <see cref="SetContact"/>).</summary>
    public static void ChangeDetails(Person person, string name, ContactChoice contact)
    {
        if (contact.MayContact != person.MayContact)
        {
            throw new InvalidOperationException("Whether someone may be contacted is consent: record it with SetContact or Record.");
        }

        person.Name = name;
        Apply(person, contact.Kept);
    }

    private static void Apply(Person person, ContactChoice contact)
    {
        person.MayContact = contact.MayContact;
        person.ContactBy = contact.By;
        person.Email = contact.Email;
        person.Phone = contact.Phone;
        person.PostalAddress = contact.Address;
        person.ThroughWorker = contact.Worker;
    }
}
