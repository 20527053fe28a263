using System.Text.RegularExpressions;

namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>
/// Puts what the audit log stores (an action, a type of record, names of fields, user ids) into plain words for the
/// people who read it. Only names of fields and the names of the people involved are ever shown, never the values
/// that changed: the log does not hold them.
/// </summary>
public static partial class AuditDescriptions
{
    public const string UnknownPerson = "Unknown person";

    private const string ChangedPrefix = "Changed: ";

    private static readonly Dictionary<string, string> Events = new(StringComparer.Ordinal)
    {
        ["SignedIn"] = "Signed in",
        ["SignInFailed"] = "Sign-in failed",
        ["SignInLockedOut"] = "Sign-in blocked after too many failed attempts",
        ["SignedOut"] = "Signed out",
        ["TwoFactorEnabled"] = "Two-factor authentication turned on",
        ["TwoFactorDisabled"] = "Two-factor authentication turned off",
        ["RecoveryCodesRenewed"] = "New recovery codes made",
        ["PasswordChanged"] = "Password changed",
        ["PasswordReset"] = "Password reset",
        ["PasswordResetRequested"] = "Password reset requested",
        ["MemberRemoved"] = "Member removed",
        ["AccountDisabled"] = "Account disabled",
        ["AccountEnabled"] = "Account enabled",
        ["VoiceImported"] = "Contributions imported from a CSV file",
        ["VoiceExported"] = "Contributions exported as a CSV file",
        ["OutcomeRecorded"] = "Outcome of an idea recorded",
        ["ToldOutcome"] = "Recorded that someone was told an outcome",
        ["SettingsChanged"] = "Settings changed",
        ["PersonDeleted"] = "Person deleted: what they said is kept, with no name",
        ["EqualityCountsViewed"] = "Equality monitoring counts viewed",
    };

    private static readonly Dictionary<string, string> EventDetails = new(StringComparer.Ordinal)
    {
        ["Authenticator code"] = "With an authenticator code",
        ["Recovery code"] = "With a recovery code",
        ["Unknown email"] = "No account has that email address",
    };

    private static readonly Dictionary<string, string> Records = new(StringComparer.Ordinal)
    {
        ["ApplicationUser"] = "Account",
        ["Membership"] = "Membership",
        ["Invitation"] = "Invitation",
        ["Organisation"] = "Organisation",
        ["Person"] = "Person",
        ["Interest"] = "Interest",
        ["ReachBack"] = "Reach back",
        ["Contribution"] = "Contribution",
        ["Theme"] = "Theme",
        ["Consent"] = "Consent",
        ["SealedDetail"] = "Sealed detail (equality answers or a private need)",
        ["DataRequest"] = "Request about their data",
    };

    private static readonly Dictionary<(string Record, string Action), string> RecordEvents = new()
    {
        [("ApplicationUser", "Created")] = "Account created",
        [("ApplicationUser", "Updated")] = "Account details changed",
        [("Membership", "Created")] = "Member added",
        [("Membership", "Updated")] = "Membership changed",
        [("Membership", "Deleted")] = "Membership deleted",
        [("Invitation", "Created")] = "Invitation sent",
        [("Person", "Viewed")] = "Person's page viewed",
        [("Person", "Deleted")] = "Person deleted",
        [("Person", "PersonErased")] = "Person's record erased: what they said is kept, with no name",
        [("Person", "OwnDataDownloaded")] = "They downloaded everything held about them",
        [("Person", "PeopleMerged")] = "Another record of the same person merged into this one",
        [("Contribution", "ContactListExported")] = "Contact list for an idea exported",
        [("Theme", "ContactListExported")] = "Contact list for a theme exported",
        [("Person", "Created")] = "Person added",
        [("Interest", "Created")] = "Interest registered",
        [("ReachBack", "Created")] = "Reach back recorded",
    };

    /// <summary>Changing one of these fields of an invitation is the thing that happened, not a detail of it.</summary>
    private static readonly Dictionary<string, string> InvitationOutcomes = new(StringComparer.Ordinal)
    {
        ["AcceptedAtUtc"] = "Invitation accepted",
        ["RevokedAtUtc"] = "Invitation cancelled",
    };

    /// <summary>Field names as a person would say them; an empty name means the field repeats another one.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["DisplayName"] = "name",
        ["Email"] = "email address",
        ["UserName"] = "email address",
        ["NormalizedEmail"] = "",
        ["NormalizedUserName"] = "",
        ["EmailConfirmed"] = "email address confirmed",
        ["PasswordHash"] = "password",
        ["PhoneNumber"] = "phone number",
        ["PhoneNumberConfirmed"] = "phone number confirmed",
        ["TwoFactorEnabled"] = "two-factor authentication",
        ["LockoutEnabled"] = "lockout",
        ["DisabledAtUtc"] = "disabled or enabled",
        ["IsOperator"] = "runs this installation",
        ["IsDemo"] = "demo account",
        ["Role"] = "role",
        ["AcceptedAtUtc"] = "accepted",
        ["RevokedAtUtc"] = "cancelled",
        ["ExpiresAtUtc"] = "expiry date",
        ["CreatedAtUtc"] = "date created",
        ["TokenHash"] = "invitation link",
        ["InvitedByUserId"] = "invited by",
        ["UserId"] = "person",
        ["OrganisationId"] = "organisation",
    };

    /// <summary>The people whose user ids the details mention, so a page can look up all their names at once.</summary>
    public static IEnumerable<Guid> PeopleNamedIn(string? details) =>
        details is null ? [] : UserId().Matches(details).Select(m => Guid.Parse(m.Value, CultureInfo.InvariantCulture));

    /// <summary>What happened, and its details, in plain words. <paramref name="names"/> holds the names of people by user id.</summary>
    public static (string What, string? Details) Describe(string action, string? entityType, string? details,
        IReadOnlyDictionary<Guid, string> names) =>
        entityType is null ? DescribeEvent(action, details, names) : DescribeChange(action, entityType, details, names);

    private static (string What, string? Details) DescribeEvent(string action, string? details,
        IReadOnlyDictionary<Guid, string> names)
    {
        if (action == "RoleChanged" && details is not null && RoleChange().Match(details) is { Success: true } change)
        {
            return ($"Role changed from {Role(change.Groups["from"].Value)} to {Role(change.Groups["to"].Value)}",
                NameOf(Guid.Parse(change.Groups["user"].Value, CultureInfo.InvariantCulture), names));
        }

        var what = Events.TryGetValue(action, out var known) ? known : Sentence(action);
        return (what, details is not null && EventDetails.TryGetValue(details, out var plain) ? plain : WithNames(details, names));
    }

    private static (string What, string? Details) DescribeChange(string action, string entityType, string? details,
        IReadOnlyDictionary<Guid, string> names)
    {
        var what = WhatChanged(action, entityType);
        if (details is null || !details.StartsWith(ChangedPrefix, StringComparison.Ordinal))
        {
            return (what, WithNames(details, names));
        }

        var changed = details[ChangedPrefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entityType == "Invitation" && changed.FirstOrDefault(InvitationOutcomes.ContainsKey) is { } outcome)
        {
            what = InvitationOutcomes[outcome];
            changed = [.. changed.Where(f => f != outcome)];
        }

        var fields = changed.Select(Field).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (what, fields.Count == 0 ? null : "Changed: " + string.Join(", ", fields));
    }

    private static string WhatChanged(string action, string entityType)
    {
        if (RecordEvents.TryGetValue((entityType, action), out var known))
        {
            return known;
        }

        var record = Records.TryGetValue(entityType, out var name) ? name : Sentence(entityType);
        return action switch
        {
            "Created" => $"{record} created",
            "Updated" => $"{record} changed",
            "Deleted" => $"{record} deleted",
            _ => $"{record}: {Words(action)}",
        };
    }

    private static string Field(string name) => Fields.TryGetValue(name, out var plain) ? plain : Words(name);

    private static string Role(string stored) =>
        Enum.TryParse<OrganisationRole>(stored, out var role) && Enum.IsDefined(role)
            ? role.DisplayName().ToLowerInvariant()
            : Words(stored);

    private static string NameOf(Guid userId, IReadOnlyDictionary<Guid, string> names) =>
        names.TryGetValue(userId, out var name) ? name : UnknownPerson;

    private static string? WithNames(string? details, IReadOnlyDictionary<Guid, string> names) =>
        details is null
            ? null
            : UserId().Replace(details, m => NameOf(Guid.Parse(m.Value, CultureInfo.InvariantCulture), names));

    /// <summary>"SomethingHappened" as "Something happened".</summary>
    private static string Sentence(string pascalCase)
    {
        var words = Words(pascalCase);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"LastSeenAtUtc" as "last seen at"; abbreviations such as "URL" keep their capitals.</summary>
    private static string Words(string pascalCase)
    {
        var words = WordBoundary().Split(pascalCase).Where(w => w.Length > 0).ToList();
        if (words.Count > 1 && words[^1] == "Utc")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words.Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[\s_]+")]
    private static partial Regex WordBoundary();

    private const string GuidPattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    [GeneratedRegex(@"\b" + GuidPattern + @"\b")]
    private static partial Regex UserId();

    [GeneratedRegex("^(?<user>" + GuidPattern + @"): (?<from>\w+) to (?<to>\w+)$")]
    private static partial Regex RoleChange();
}
