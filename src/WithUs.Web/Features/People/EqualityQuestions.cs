namespace WithUs.Web.Features.People;

/// <summary>One answer a question offers: a code that is stored (sealed) and the words people read.</summary>
public sealed record EqualityChoice(string Code, string Words, string? Group = null);

/// <summary>One equality monitoring question, as staff and the person read it.</summary>
public sealed record EqualityQuestion(string Code, string Title, string Question, string? Hint, IReadOnlyList<EqualityChoice> Choices)
{
    public EqualityChoice? Find(string? code) => Choices.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// The equality monitoring questions, with the answer categories of the UK census 2021 and the Government Statistical
/// Service's harmonised standards, so an organisation's counts can be set beside the census for its area. Housing adds
/// the situations a homelessness service needs to see to the census's tenure categories. Every question can be left
/// out, and every question offers "Prefer not to say".
/// </summary>
public static class EqualityQuestions
{
    public const string PreferNotToSay = "prefer-not-to-say";

    /// <summary>What a question left out is counted as.</summary>
    public const string NotAnswered = "not-answered";

    private static readonly EqualityChoice Declined = new(PreferNotToSay, "Prefer not to say");

    private static EqualityQuestion Ask(string code, string title, string question, string? hint, params EqualityChoice[] choices) =>
        new(code, title, question, hint, [.. choices, Declined]);

    private static EqualityChoice C(string code, string words, string? group = null) => new(code, words, group);

    public static IReadOnlyList<EqualityQuestion> All { get; } =
    [
        Ask("age", "Age", "How old are you?", null,
            C("under-18", "Under 18"), C("18-24", "18 to 24"), C("25-34", "25 to 34"), C("35-44", "35 to 44"),
            C("45-54", "45 to 54"), C("55-64", "55 to 64"), C("65-74", "65 to 74"), C("75-plus", "75 or over")),
        Ask("health-condition", "Long-term health condition",
            "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?", null,
            C("yes", "Yes"), C("no", "No")),
        Ask("day-to-day", "Day-to-day activities",
            "Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?",
            "Only if you answered yes to the question before.",
            C("yes-a-lot", "Yes, a lot"), C("yes-a-little", "Yes, a little"), C("not-at-all", "Not at all")),
        Ask("ethnicity", "Ethnic group", "What is your ethnic group?", "Choose the one that best describes your ethnic group or background.",
            C("asian-indian", "Indian", "Asian or Asian British"),
            C("asian-pakistani", "Pakistani", "Asian or Asian British"),
            C("asian-bangladeshi", "Bangladeshi", "Asian or Asian British"),
            C("asian-chinese", "Chinese", "Asian or Asian British"),
            C("asian-other", "Any other Asian background", "Asian or Asian British"),
            C("black-caribbean", "Caribbean", "Black, Black British, Caribbean or African"),
            C("black-african", "African", "Black, Black British, Caribbean or African"),
            C("black-other", "Any other Black, Black British or Caribbean background", "Black, Black British, Caribbean or African"),
            C("mixed-white-black-caribbean", "White and Black Caribbean", "Mixed or multiple ethnic groups"),
            C("mixed-white-black-african", "White and Black African", "Mixed or multiple ethnic groups"),
            C("mixed-white-asian", "White and Asian", "Mixed or multiple ethnic groups"),
            C("mixed-other", "Any other Mixed or multiple ethnic background", "Mixed or multiple ethnic groups"),
            C("white-british", "English, Welsh, Scottish, Northern Irish or British", "White"),
            C("white-irish", "Irish", "White"),
            C("white-gypsy-traveller", "Gypsy or Irish Traveller", "White"),
            C("white-roma", "Roma", "White"),
            C("white-other", "Any other White background", "White"),
            C("other-arab", "Arab", "Other ethnic group"),
            C("other-any", "Any other ethnic group", "Other ethnic group")),
        Ask("sex", "Sex", "What is your sex?", null, C("female", "Female"), C("male", "Male")),
        Ask("gender-identity", "Gender identity", "Is the gender you identify with the same as your sex registered at birth?", null,
            C("yes", "Yes"), C("no", "No")),
        Ask("sexual-orientation", "Sexual orientation", "Which of the following best describes your sexual orientation?", null,
            C("straight", "Straight or heterosexual"), C("gay-lesbian", "Gay or lesbian"), C("bisexual", "Bisexual"),
            C("other", "Another sexual orientation")),
        Ask("religion", "Religion", "What is your religion?", null,
            C("none", "No religion"), C("christian", "Christian"), C("buddhist", "Buddhist"), C("hindu", "Hindu"),
            C("jewish", "Jewish"), C("muslim", "Muslim"), C("sikh", "Sikh"), C("other", "Any other religion")),
        Ask("caring", "Caring for someone",
            "Do you look after, or give any help or support to, anyone because they have long-term physical or mental health conditions or illnesses, or problems related to old age?",
            "Do not count anything you do as part of your paid work.",
            C("no", "No"), C("up-to-9", "Yes, 9 hours a week or less"), C("10-19", "Yes, 10 to 19 hours a week"),
            C("20-34", "Yes, 20 to 34 hours a week"), C("35-49", "Yes, 35 to 49 hours a week"), C("50-plus", "Yes, 50 or more hours a week")),
        Ask("housing", "Housing", "Which of these best describes where you live now?", null,
            C("owns", "Own it, outright or with a mortgage"),
            C("shared-ownership", "Part-own and part-rent (shared ownership)"),
            C("social-rent", "Rent from the council or a housing association"),
            C("private-rent", "Rent from a private landlord or letting agent"),
            C("rent-free", "Live rent free, for example with family"),
            C("supported", "Supported housing or a hostel"),
            C("temporary", "Temporary accommodation, for example a B&B placed by the council"),
            C("sofa-surfing", "Staying with friends or family for now (sofa surfing)"),
            C("rough-sleeping", "Sleeping rough"),
            C("other", "Somewhere else")),
    ];

    public static EqualityQuestion? Find(string code) => All.FirstOrDefault(q => q.Code == code);
}
