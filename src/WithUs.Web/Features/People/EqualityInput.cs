using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.People;

/// <summary>
/// The equality monitoring form, as staff fill it in from a paper form and as a person fills it in themselves:
/// one radio group per question, each optional, each answer one of the question's own choices.
/// </summary>
public sealed class EqualityInput
{
    /// <summary>Question code to choice code: Answers[age]=25-34.</summary>
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

    public static EqualityInput From(IReadOnlyDictionary<string, string>? answers) => new()
    {
        Answers = answers?.ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
    };

    public string? this[string question] => Answers.GetValueOrDefault(question);

    /// <summary>An answer that is not one of its question's choices (a tampered form) is refused with the question's own message.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        foreach (var question in EqualityQuestions.All)
        {
            var given = Answers.GetValueOrDefault(question.Code);
            if (!string.IsNullOrEmpty(given) && question.Find(given) is null)
            {
                modelState.AddModelError($"{prefix}Answers[{question.Code}]", $"{question.Title}: choose one of the answers given");
            }
        }
    }

    /// <summary>The answers given, leaving out questions left blank and anything that is not a question here.</summary>
    public IReadOnlyDictionary<string, string> Given() =>
        EqualityQuestions.All
            .Where(q => !string.IsNullOrEmpty(Answers.GetValueOrDefault(q.Code)))
            .ToDictionary(q => q.Code, q => Answers[q.Code]!, StringComparer.Ordinal);
}
