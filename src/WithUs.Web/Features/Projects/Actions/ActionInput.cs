using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>An action as typed: what, who from the team, and the day it should be done by. In the order the form asks.</summary>
public sealed class ActionInput
{
    public string? What { get; set; }

    /// <summary>Their place in the team.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>The day, as a date field sends it ("2026-12-04") or as typed ("4/12/2026").</summary>
    public string? DueOn { get; set; }

    /// <summary>The meeting it was agreed at (from the meeting page's link), if any.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>How far ahead a day may be: further than this is a typing slip.</summary>
    public const int MostYearsAhead = 5;

    public const string NotInTheTeam = "Choose someone from the team listed here";

    /// <summary>
    /// Adds an error for each thing wrong, under "Input.…". <paramref name="whoMayDoIt"/> are the members who may be
    /// chosen (the team now, and whoever the action is with already); <paramref name="keptDay"/> is the day it has now,
    /// which may stay although it has passed.
    /// </summary>
    public void Check(ModelStateDictionary modelState, IEnumerable<Guid> whoMayDoIt, DateOnly today, DateOnly? keptDay = null)
    {
        var badMember = modelState.TryGetValue("Input.MemberId", out var entry) && entry.Errors.Count > 0;
        entry?.Errors.Clear();

        var what = PlainTextAttribute.Clean(What).ReplaceLineEndings(" ");
        if (what.Length == 0)
        {
            modelState.AddModelError("Input.What", "Say what will be done, for example: ask the caretaker about keys for Saturdays");
        }
        else if (what.Length > ProjectAction.WhatMaxLength)
        {
            modelState.AddModelError("Input.What", $"What will be done must be {ProjectAction.WhatMaxLength} characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(what))
        {
            modelState.AddModelError("Input.What", "What will be done can only have letters, numbers, spaces and punctuation");
        }

        if (MemberId is null && !badMember)
        {
            modelState.AddModelError("Input.MemberId", "Choose who will do it");
        }
        else if (badMember || !whoMayDoIt.Contains(MemberId!.Value))
        {
            modelState.AddModelError("Input.MemberId", NotInTheTeam);
        }

        const string day = "Input.DueOn";
        if (string.IsNullOrWhiteSpace(DueOn))
        {
            modelState.AddModelError(day, "Enter the day it should be done by");
        }
        else if (DateText.Parse(DueOn) is not { } due)
        {
            modelState.AddModelError(day, "The day it should be done by must be a real date, like 4/12/2026");
        }
        else if (due < today && due != keptDay)
        {
            modelState.AddModelError(day, "The day it should be done by must be today or later");
        }
        else if (due > today.AddYears(MostYearsAhead))
        {
            modelState.AddModelError(day, $"The day it should be done by must be within {MostYearsAhead} years");
        }
    }

    /// <summary>What was typed, cleaned, as saved (after <see cref="Check"/> passed).</summary>
    public string CleanWhat() => PlainTextAttribute.Clean(What).ReplaceLineEndings(" ");

    public DateTime StoredDueOn() => OrganisationClock.Stored(DateText.Parse(DueOn)!.Value);
}
