using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Projects;

/// <summary>A boundary as typed: open or fixed, what, and for a fixed one what fixes it and why; and why it changes.</summary>
public sealed class BoundaryInput
{
    public BoundaryKind? Kind { get; set; }

    public string? Text { get; set; }

    public BoundaryReason? Reason { get; set; }

    public string? ReasonText { get; set; }

    /// <summary>Why it is added now, or why it changes.</summary>
    public string? Why { get; set; }

    public static BoundaryInput From(Boundary boundary) => new()
    {
        Kind = boundary.Kind,
        Text = boundary.Text,
        Reason = boundary.Reason,
        ReasonText = boundary.ReasonText,
    };

    /// <summary>Adds an error for each thing wrong, under "Input.…"; <paramref name="whyRequired"/> on a change.</summary>
    public void Check(ModelStateDictionary modelState, bool whyRequired)
    {
        // A value that is not one of the choices is the same as no choice.
        foreach (var key in new[] { "Input.Kind", "Input.Reason" })
        {
            if (modelState.TryGetValue(key, out var bound) && bound.Errors.Count > 0)
            {
                bound.Errors.Clear();
                if (key == "Input.Kind")
                {
                    Kind = null;
                }
                else
                {
                    Reason = null;
                }
            }
        }

        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            modelState.AddModelError("Input.Kind", "Choose whether it is open for the group to decide or fixed");
        }

        Words(modelState, "Input.Text", Text, "What is open or fixed", Boundary.TextMaxLength,
            "Say what is open or fixed, for example: which day of the weekend it opens");
        if (Kind == BoundaryKind.Fixed)
        {
            if (Reason is not { } reason || !Enum.IsDefined(reason))
            {
                modelState.AddModelError("Input.Reason", "Choose what fixes it");
            }

            Words(modelState, "Input.ReasonText", ReasonText, "Why it is fixed", Boundary.ReasonTextMaxLength,
                "Say why it is fixed, in plain words, so people understand");
        }

        Words(modelState, "Input.Why", Why, "Why", Boundary.WhyMaxLength,
            whyRequired ? "Say why it is changing: everyone who was told before will see it" : null);
    }

    /// <summary>The boundary as it would be saved (a new version), from input that passed <see cref="Check"/>.</summary>
    public Boundary ToBoundary(Guid projectId, DateTime now, Guid? byUserId, Guid? replacesId) => new()
    {
        Id = Ids.New(),
        ProjectId = projectId,
        Kind = Kind!.Value,
        Text = PlainTextAttribute.Clean(Text),
        Reason = Kind == BoundaryKind.Fixed ? Reason : null,
        ReasonText = Kind == BoundaryKind.Fixed ? PlainTextAttribute.Clean(ReasonText) : null,
        AddedAtUtc = now,
        AddedByUserId = byUserId,
        ReplacesId = replacesId,
        ChangeWhy = string.IsNullOrWhiteSpace(Why) ? null : PlainTextAttribute.Clean(Why),
    };

    /// <summary>Whether this input says the same as <paramref name="boundary"/> (a change that changes nothing).</summary>
    public bool SameAs(Boundary boundary) =>
        Kind == boundary.Kind && PlainTextAttribute.Clean(Text) == boundary.Text
        && (Kind != BoundaryKind.Fixed || (Reason == boundary.Reason && PlainTextAttribute.Clean(ReasonText) == boundary.ReasonText));

    private static void Words(ModelStateDictionary modelState, string key, string? typed, string called, int max, string? missing)
    {
        var text = PlainTextAttribute.Clean(typed);
        if (text.Length == 0)
        {
            if (missing is not null)
            {
                modelState.AddModelError(key, missing);
            }
        }
        else if (text.Length > max)
        {
            modelState.AddModelError(key, $"{called} must be {max:N0} characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(text))
        {
            modelState.AddModelError(key, $"{called} can only have letters, numbers, spaces and punctuation");
        }
    }
}
