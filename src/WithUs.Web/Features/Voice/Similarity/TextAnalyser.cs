using System.Collections.Frozen;
using System.Text;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>One word of a text as written, and the index terms it stands for.</summary>
public readonly record struct AnalysedWord(string Surface, string Stem, string? Skeleton);

/// <summary>
/// Turns what people say into index terms: lower case, accents folded, common words dropped, British and American
/// spellings and frequent misspellings mapped to one form, plurals and tenses reduced to a stem. Each longer stem
/// also gets a "skeleton" (first letter and consonants), so a misspelling still finds its word, weighted lower.
/// </summary>
public static class TextAnalyser
{
    public const char SkeletonMark = '~';

    /// <summary>
    /// Raise this whenever a change here changes the terms of any text: every organisation's index is then rebuilt in
    /// the background (<see cref="TermReindexJob"/>), since terms made by two versions do not meet. 1: the first
    /// analyser; 2: derivations, hyphenated compounds, a stop list of function words only.
    /// </summary>
    public const int Version = 2;

    public static IReadOnlyList<AnalysedWord> Words(string? text)
    {
        var words = new List<AnalysedWord>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        // The parts of a hyphenated compound ("co-production", "out-of-pocket") count on their own and, joined, as
        // one word of their own, which also meets the compound written without its hyphens.
        var compound = new List<string>();
        foreach (var (token, contracted, joined) in Tokens(text))
        {
            if (!joined)
            {
                AddCompound(words, compound);
                compound.Clear();
            }

            compound.Add(token);
            AddWord(words, token, Fold(token), contracted);
        }

        AddCompound(words, compound);
        return words;
    }

    private static void AddCompound(List<AnalysedWord> words, List<string> parts)
    {
        if (parts.Count < 2)
        {
            return;
        }

        AddWord(words, string.Join('-', parts), string.Concat(parts.Select(Fold)), contracted: false);
    }

    private static void AddWord(List<AnalysedWord> words, string surface, string lowered, bool contracted)
    {
        if (lowered.Length < 2 || lowered.All(char.IsDigit)
            || (StopWords.Contains(lowered) && (contracted || !WordsAlsoContractions.Contains(lowered))))
        {
            return;
        }

        var stem = Stem(Respell(lowered));
        if (stem.Length < 2 || (StopWords.Contains(stem) && !WordsAlsoContractions.Contains(stem)))
        {
            return;
        }

        if (stem.Length > ContributionTerm.TermMaxLength)
        {
            stem = stem[..ContributionTerm.TermMaxLength];
        }

        words.Add(new AnalysedWord(surface, stem, Skeleton(stem)));
    }

    /// <summary>The distinct index terms of a text: every stem, and every skeleton (marked with <see cref="SkeletonMark"/>).</summary>
    public static IReadOnlyCollection<string> Terms(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            terms.Add(word.Stem);
            if (word.Skeleton is not null)
            {
                terms.Add(word.Skeleton);
            }
        }

        return terms;
    }

    public static bool IsSkeleton(string term) => term.Length > 0 && term[0] == SkeletonMark;

    /// <summary>The words of a text; <c>Joined</c> when a word follows the one before it after a hyphen alone.</summary>
    private static IEnumerable<(string Token, bool Contracted, bool Joined)> Tokens(string text)
    {
        var current = new StringBuilder();
        var contracted = false;
        var joined = false;
        var hyphenAfterWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && IsMark(rune)))
            {
                if (current.Length == 0)
                {
                    joined = hyphenAfterWord;
                    hyphenAfterWord = false;
                }

                // A combining accent belongs to its letter ("cafe" + U+0301 is one word, folded to "cafe").
                current.Append(rune.ToString());
            }
            else if (rune.Value is 0x00AD or 0x200C or 0x200D or 0x2060 or 0xFEFF)
            {
                // Soft hyphens, zero-width (non-)joiners and word joiners are invisible inside a word: ignore them.
                continue;
            }
            else if (rune.Value is '\'' or '’' or '‘' && current.Length > 0)
            {
                // "don't" → "dont"; a possessive "'s" is dropped by the stemmer as a plural would be.
                contracted = true;
                continue;
            }
            else if (current.Length > 0)
            {
                yield return (current.ToString(), contracted, joined);
                current.Clear();
                contracted = false;
                hyphenAfterWord = rune.Value is '-' or 0x2010 or 0x2011;
            }
            else
            {
                hyphenAfterWord = false;
            }

            if (current.Length > 200)
            {
                // Nobody writes a 200-letter word: this is pasted noise, so cut it into pieces rather than index it whole.
                yield return (current.ToString(), contracted, joined);
                current.Clear();
                contracted = false;
                joined = false;
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), contracted, joined);
        }
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string Fold(string token)
    {
        var decomposed = token.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Respell(string word) => Spellings.TryGetValue(word, out var canonical) ? canonical : word;

    /// <summary>
    /// A light English stemmer: inflections (plurals, -ed, -ing, -ly), then the commonest derivations, so that an
    /// adjective meets its noun ("realistic", "reality", "real"; "accessible", "accessibility", "access";
    /// "involvement", "involved") while short roots are left alone ("organisation" and "organ" stay apart).
    /// </summary>
    public static string Stem(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return Derive(irregular);
        }

        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
                                  || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
                 && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        // A possessive loses its apostrophe before it gets here: "women's" → "womens" → "women" → "woman".
        if (w != word && Irregular.TryGetValue(w, out var possessive))
        {
            return Derive(possessive);
        }

        if (w != word && Spellings.TryGetValue(w, out var respelt))
        {
            return Derive(Irregular.GetValueOrDefault(respelt, respelt));
        }

        var inflected = w;
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = RestoreE(w[..^3]);
        }
        else if (w.Length > 4 && w.EndsWith("ied", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            w = RestoreE(w[..^2]);
        }
        else if (w.Length > 5 && w.EndsWith("ly", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (StopWords.Contains(w) && !StopWords.Contains(inflected))
        {
            // "evenings" is about evenings, not "even": never stem a word into a stop word.
            w = inflected;
        }

        var derived = Derive(w);
        if (!StopWords.Contains(derived))
        {
            w = derived;
        }

        if (w.Length > 3 && w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && !IrregularForms.Contains(w))
        {
            // "cooke"/"cook", "value"/"valu": drop a final silent e so "use", "used" and "using" meet.
            w = w[..^1];
        }

        return w;
    }

    /// <summary>Removes derivational endings, longest first, until none applies or the root would be too short.</summary>
    private static string Derive(string stem)
    {
        if (NotDerived.Contains(stem))
        {
            return stem;
        }

        var w = stem;
        for (var pass = 0; pass < 3; pass++)
        {
            var changed = false;
            foreach (var (suffix, replacement, minimumRoot) in Derivations)
            {
                if (w.Length - suffix.Length >= minimumRoot && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    w = w[..^suffix.Length] + replacement;
                    changed = true;
                    break;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>(ending, what replaces it, shortest root left): checked in this order, the first that fits applies.</summary>
    private static readonly (string Suffix, string Replacement, int MinimumRoot)[] Derivations =
    [
        ("istic", "", 4), ("fulness", "", 3), ("ability", "able", 3), ("ibility", "ible", 3), ("ivity", "ive", 3),
        ("ality", "al", 3), ("iness", "y", 3), ("ness", "", 3), ("ation", "", 4), ("ion", "", 4), ("ment", "", 4),
        ("ate", "", 4), ("at", "", 4), ("ant", "", 5), ("able", "", 4), ("ible", "", 4), ("ive", "", 4),
        ("al", "", 5), ("ity", "", 4), ("ful", "", 3),
    ];

    /// <summary>Words whose endings only look derivational ("business" is not "busy").</summary>
    private static readonly FrozenSet<string> NotDerived = new[]
    {
        "business", "witness", "several", "important", "positive", "mission", "question", "station", "nation",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static string RestoreE(string stem)
    {
        if (stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'f') && !IsVowel(stem[^1]))
        {
            // "shopping" → "shop", "planned" → "plan".
            return stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string? Skeleton(string stem)
    {
        if (stem.Length < 5 || !char.IsLetter(stem[0]))
        {
            return null;
        }

        var builder = new StringBuilder().Append(SkeletonMark).Append(stem[0]);
        for (var i = 1; i < stem.Length; i++)
        {
            var c = stem[i];
            if (IsVowel(c) || c is 'y' or 'h' or 'w' || c == builder[^1])
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.Length >= 4 ? builder.ToString() : null;
    }

    /// <summary>Function words only. A content word that one organisation hears all the time ("people", "help",
    /// "co-production") is weighed down by the matcher for that organisation alone, not dropped for everyone.</summary>
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cant", "cannot",
        "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during", "each", "even",
        "ever", "every", "few", "for", "from", "further", "get", "gets", "getting", "got", "had", "hadnt", "has",
        "hasnt", "have", "havent", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "let", "like",
        "maybe", "me", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "oh",
        "ok", "okay", "on", "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
        "own", "please", "quite", "rather", "really", "said", "same", "say", "says", "she", "should", "shouldnt", "so",
        "some", "something", "such", "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then",
        "there", "theres", "these", "they", "theyre", "this", "those", "though", "through", "to", "too", "under",
        "until", "up", "us", "very", "want", "wanted", "wants", "was", "wasnt", "we", "well", "were", "weve", "what",
        "whats", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "wont", "would", "wouldnt",
        "yeah", "yes", "you", "youd", "youll", "your", "youre", "yours", "yourself", "yourselves", "wed", "theyd",
        "able", "anything", "everyone", "everything", "someone", "somebody", "might", "always", "never", "often",
        "usually", "sometimes", "actually", "anyone", "anybody", "nobody", "nothing", "somewhere", "anywhere",
        "everywhere", "everybody", "whod", "whove", "hed", "shed", "youve", "theyve", "arent", "werent", "aint",
        "gonna", "wanna", "mine",
        // Light verbs: they carry the sentence, not what it is about.
        "make", "made", "makes", "making", "go", "goes", "going", "went", "gone", "come", "comes", "came", "coming",
        "use", "used", "uses", "using", "put", "puts", "become", "became", "do", "done", "take", "took", "taken",
        "give", "gave", "given", "ask", "asked", "asks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stop words when written with an apostrophe ("I'd", "I'll", "we'd") but words in their own right without
    /// one ("ID", "ill", "wed").</summary>
    private static readonly FrozenSet<string> WordsAlsoContractions = new[] { "id", "ill", "wed", "shed" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>British spelling is canonical; American forms and frequent misspellings map to it.</summary>
    private static readonly FrozenDictionary<string, string> Spellings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["color"] = "colour",
        ["center"] = "centre",
        ["centers"] = "centres",
        ["theater"] = "theatre",
        ["organize"] = "organise",
        ["organized"] = "organised",
        ["organizing"] = "organising",
        ["organization"] = "organisation",
        ["organizations"] = "organisations",
        ["program"] = "programme",
        ["programs"] = "programmes",
        ["neighbor"] = "neighbour",
        ["neighbors"] = "neighbours",
        ["neighborhood"] = "neighbourhood",
        ["behavior"] = "behaviour",
        ["favor"] = "favour",
        ["favorite"] = "favourite",
        ["practice"] = "practise",
        ["counseling"] = "counselling",
        ["counselor"] = "counsellor",
        ["traveling"] = "travelling",
        ["canceled"] = "cancelled",
        ["apologize"] = "apologise",
        ["realize"] = "realise",
        ["recognize"] = "recognise",
        ["socialize"] = "socialise",
        ["socializing"] = "socialising",
        ["mom"] = "mum",
        ["moms"] = "mums",
        ["recieve"] = "receive",
        ["recieved"] = "received",
        ["accomodation"] = "accommodation",
        ["acommodation"] = "accommodation",
        ["definately"] = "definitely",
        ["wierd"] = "weird",
        ["untill"] = "until",
        ["tommorow"] = "tomorrow",
        ["tomorow"] = "tomorrow",
        ["seperate"] = "separate",
        ["begining"] = "beginning",
        ["goverment"] = "government",
        ["enviroment"] = "environment",
        ["apointment"] = "appointment",
        ["appointmnet"] = "appointment",
        ["wheelchiar"] = "wheelchair",
        ["wensday"] = "wednesday",
        ["wendesday"] = "wednesday",
        ["saterday"] = "saturday",
        ["febuary"] = "february",
        ["alot"] = "lot",
        ["kids"] = "child",
        ["kid"] = "child",
        ["children"] = "child",
        ["footy"] = "football",
        ["telly"] = "television",
        ["tv"] = "television",
        ["doc"] = "doctor",
        ["docs"] = "doctor",
        ["gp"] = "doctor",
        ["gps"] = "doctor",
        ["buses"] = "bus",
        ["busses"] = "bus",
        ["meds"] = "medication",
        ["medicine"] = "medication",
        ["medicines"] = "medication",
        ["brekkie"] = "breakfast",
        ["cuppa"] = "tea",
        ["loo"] = "toilet",
        ["loos"] = "toilet",
        ["toilets"] = "toilet",
        ["bathroom"] = "toilet",
        ["wifi"] = "internet",
        ["online"] = "internet",
        ["phones"] = "phone",
        ["mobile"] = "phone",
        ["mobiles"] = "phone",
        ["grandkids"] = "grandchild",
        ["grandkid"] = "grandchild",
        ["grandchildren"] = "grandchild",
        ["veggie"] = "vegetarian",
        ["veggies"] = "vegetable",
        ["dinner"] = "meal",
        ["dinners"] = "meal",
        ["excercise"] = "exercise",
        ["exersize"] = "exercise",
        ["acces"] = "access",
        ["accessable"] = "accessible",
        ["wheelchairs"] = "wheelchair",
        ["disabilty"] = "disability",
        ["neccessary"] = "necessary",
        ["necesary"] = "necessary",
        ["occured"] = "occurred",
        ["buisness"] = "business",
        ["freind"] = "friend",
        ["freinds"] = "friend",
        ["beleive"] = "believe",
        ["cancelation"] = "cancellation",
        ["license"] = "licence",
        ["aging"] = "ageing",
        ["gray"] = "grey",
        ["pediatric"] = "paediatric",
        ["anemia"] = "anaemia",
        ["tumor"] = "tumour",
        ["tumors"] = "tumour",
        ["chemotherapy"] = "chemo",
        ["radiotherapy"] = "radio",
        ["radiation"] = "radio",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["women"] = "woman",
        ["men"] = "man",
        ["people"] = "person",
        ["persons"] = "person",
        ["feet"] = "foot",
        ["teeth"] = "tooth",
        ["mice"] = "mouse",
        ["lives"] = "life",
        ["wives"] = "wife",
        ["knives"] = "knife",
        ["leaves"] = "leaf",
        ["halves"] = "half",
        ["selves"] = "self",
        ["shelves"] = "shelf",
        ["child"] = "child",
        ["ate"] = "eat",
        ["eaten"] = "eat",
        ["felt"] = "feel",
        ["feeling"] = "feel",
        ["feelings"] = "feel",
        ["took"] = "take",
        ["taken"] = "take",
        ["taking"] = "take",
        ["gave"] = "give",
        ["given"] = "give",
        ["giving"] = "give",
        ["told"] = "tell",
        ["telling"] = "tell",
        ["thought"] = "think",
        ["bought"] = "buy",
        ["brought"] = "bring",
        ["taught"] = "teach",
        ["caught"] = "catch",
        ["left"] = "leave",
        ["leaving"] = "leave",
        ["met"] = "meet",
        ["meeting"] = "meeting",
        ["meetings"] = "meeting",
        ["ran"] = "run",
        ["running"] = "run",
        ["sat"] = "sit",
        ["sitting"] = "sit",
        ["spoke"] = "speak",
        ["spoken"] = "speak",
        ["wrote"] = "write",
        ["written"] = "write",
        ["writing"] = "write",
        ["heard"] = "hear",
        ["kept"] = "keep",
        ["slept"] = "sleep",
        ["sleeping"] = "sleep",
        ["lost"] = "lose",
        ["losing"] = "lose",
        ["paid"] = "pay",
        ["paying"] = "pay",
        ["found"] = "find",
        ["held"] = "hold",
        ["stood"] = "stand",
        ["understood"] = "understand",
        ["began"] = "begin",
        ["begun"] = "begin",
        ["beginning"] = "begin",
        ["swam"] = "swim",
        ["swimming"] = "swim",
        ["better"] = "good",
        ["best"] = "good",
        ["worse"] = "bad",
        ["worst"] = "bad",
        ["housing"] = "house",
        ["houses"] = "house",
        ["homeless"] = "homeless",
        ["homelessness"] = "homeless",
        ["cooking"] = "cook",
        ["cookery"] = "cook",
        ["lonely"] = "lonely",
        ["loneliness"] = "lonely",
        ["isolated"] = "lonely",
        ["isolation"] = "lonely",
        ["anxious"] = "anxiety",
        ["anxieties"] = "anxiety",
        ["sessions"] = "session",
        ["care"] = "care",
        ["cares"] = "care",
        ["cared"] = "care",
        ["caring"] = "care",
        ["carer"] = "care",
        ["carers"] = "care",
        ["bus"] = "bus",
        ["gas"] = "gas",
        ["class"] = "class",
        ["classes"] = "class",
        ["news"] = "news",
        ["this"] = "this",
        ["yes"] = "yes",
        ["was"] = "was",
        ["has"] = "has",
        ["is"] = "is",
        ["does"] = "do",
        ["always"] = "always",
        ["sometimes"] = "sometimes",
        ["perhaps"] = "perhaps",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The forms irregular words map to keep their final e ("care", "house"), however they were written.
    /// Declared after <see cref="Irregular"/>, which it reads as it starts.</summary>
    private static readonly FrozenSet<string> IrregularForms = Irregular.Values.ToFrozenSet(StringComparer.Ordinal);
}
