using WithUs.Web.Features.Projects.Decisions;
using static WithUs.Web.Features.Projects.Decisions.DecisionWay;
using static WithUs.Web.Features.Projects.Decisions.ParticipationLevel;

namespace WithUs.Tests.Features.Projects.Decisions;

/// <summary>ParticipationRule: every branch of the level worked out from the facts, the cap, and what cannot stand together.</summary>
public sealed class ParticipationRuleTests
{
    [Theory]
    // Told afterwards, or decided by staff alone: informing, whoever was in the room and however many options.
    [InlineData(PartnersInformedAfterwards, 0, 2, 3, Informing)]
    [InlineData(PartnersInformedAfterwards, 4, 1, 3, Informing)]
    [InlineData(StaffAlone, 0, 1, 2, Informing)]
    [InlineData(StaffAlone, 5, 1, 2, Informing)]
    // Staff decided after asking partners: consultation; involvement with partners in the room as they decided.
    [InlineData(StaffAfterConsultingPartners, 0, 2, 2, Consultation)]
    [InlineData(StaffAfterConsultingPartners, 1, 3, 2, Involvement)]
    [InlineData(StaffAfterConsultingPartners, 1, 3, 0, Involvement)]
    // Together: co-production with at least as many partners as staff in the room; co-design when staff outnumbered them.
    [InlineData(TogetherByConsensus, 2, 2, 2, CoProduction)]
    [InlineData(TogetherByConsensus, 3, 1, 2, CoProduction)]
    [InlineData(TogetherByConsensus, 1, 2, 2, CoDesign)]
    [InlineData(TogetherByVote, 4, 0, 3, CoProduction)]
    [InlineData(TogetherByVote, 2, 3, 3, CoDesign)]
    // Partners decided: co-production.
    [InlineData(PartnersDecided, 1, 0, 2, CoProduction)]
    [InlineData(PartnersDecided, 1, 5, 4, CoProduction)]
    // The cap: fewer than two options turns co-production into co-design, and touches no other level.
    [InlineData(PartnersDecided, 3, 1, 1, CoDesign)]
    [InlineData(PartnersDecided, 3, 1, 0, CoDesign)]
    [InlineData(TogetherByConsensus, 3, 1, 1, CoDesign)]
    [InlineData(TogetherByVote, 3, 3, 0, CoDesign)]
    [InlineData(TogetherByConsensus, 1, 2, 1, CoDesign)]
    [InlineData(StaffAfterConsultingPartners, 0, 1, 1, Consultation)]
    [InlineData(StaffAlone, 0, 1, 0, Informing)]
    public void TheLevel_FollowsFromTheFacts(DecisionWay how, int partners, int staff, int options, ParticipationLevel expected)
    {
        var (level, why) = ParticipationRule.Derive(how, partners, staff, options);

        level.ShouldBe(expected);
        why.ShouldEndWith($"That is {expected.Words().ToLowerInvariant()}.");
    }

    [Fact]
    public void TheWhy_NamesTheFactsItCameFrom()
    {
        ParticipationRule.Derive(TogetherByVote, 1, 3, 2).Why.ShouldBe(
            "Staff and partners decided together, by a vote, but staff outnumbered partners in the room (1 partner, 3 staff), "
            + "so partners shaped it without an equal voice. That is co-design.");
        ParticipationRule.Derive(StaffAlone, 2, 1, 2).Why.ShouldBe(
            "Staff decided alone, without asking partners. 2 partners were in the room but had no say, so they could at most be told. That is informing.");
        ParticipationRule.Derive(StaffAfterConsultingPartners, 1, 1, 2).Why.ShouldContain("1 partner was in the room as they decided");
        ParticipationRule.Derive(PartnersDecided, 3, 1, 1).Why.ShouldBe(
            "Partners made the decision. That would be co-production, but only one option was considered, so partners shaped a decision "
            + "without choosing between options. That is co-design.");
        ParticipationRule.Derive(TogetherByConsensus, 2, 2, 0).Why.ShouldContain("no options were written down");
    }

    [Fact]
    public void EveryWay_AndEveryRoom_GivesALevel_AndNoLevelIsOutOfReach()
    {
        var reached = new HashSet<ParticipationLevel>();
        foreach (var how in DecisionWayWords.All)
        {
            for (var partners = 0; partners <= 3; partners++)
            {
                for (var staff = 0; staff <= 3; staff++)
                {
                    for (var options = 0; options <= 3; options++)
                    {
                        var (level, why) = ParticipationRule.Derive(how, partners, staff, options);
                        Enum.IsDefined(level).ShouldBeTrue();
                        why.ShouldNotBeNullOrWhiteSpace();
                        reached.Add(level);
                    }
                }
            }
        }

        reached.ShouldBe(ParticipationLevelWords.All, ignoreOrder: true);
    }

    [Theory]
    [InlineData(PartnersDecided, 0, 0, "Present: Tick who was in the room when it was decided")]
    [InlineData(StaffAlone, 0, 0, "Present: Tick who was in the room when it was decided")]
    [InlineData(PartnersDecided, 0, 2, "Present: Nobody from the partners was in the room, so it cannot have been decided with them")]
    [InlineData(TogetherByConsensus, 0, 2, "Present: Nobody from the partners was in the room, so it cannot have been decided with them")]
    [InlineData(StaffAfterConsultingPartners, 0, 2, "")]
    [InlineData(StaffAlone, 0, 1, "")]
    [InlineData(PartnersInformedAfterwards, 0, 1, "")]
    [InlineData(TogetherByConsensus, 1, 2, "")]
    [InlineData(PartnersDecided, 1, 0, "")]
    public void WhoWasInTheRoom_MustFitHowItWasDecided(DecisionWay how, int partners, int staff, string expected)
    {
        var problems = ParticipationRule.Problems(how, partners, staff, null, null, null).Select(p => $"{p.Field}: {p.Message}");

        string.Join("|", problems).ShouldBe(expected);
    }

    [Theory]
    [InlineData(3, 1, 0, "")]
    [InlineData(2, 2, 0, "")]
    [InlineData(null, null, null, "VotesFor: Enter how many voted for it|VotesAgainst: Enter how many voted against it|VotesAbstained: Enter how many did not vote either way, or 0 if everyone voted")]
    [InlineData(2, -1, 0, "VotesAgainst: The number who voted against it must be 0 or more")]
    [InlineData(0, 0, 3, "VotesFor: Nobody voted for or against it, so it was not decided by a vote")]
    [InlineData(3, 1, 1, "VotesFor: That is 5 votes, but 4 people were in the room: there cannot be more votes than people")]
    [InlineData(int.MaxValue, int.MaxValue, int.MaxValue, "VotesFor: That is 6,442,450,941 votes, but 4 people were in the room: there cannot be more votes than people")]
    public void AVote_NeedsItsCount_WithNoMoreVotesThanPeople(int? yes, int? no, int? neither, string expected)
    {
        var problems = ParticipationRule.Problems(TogetherByVote, 3, 1, yes, no, neither).Select(p => $"{p.Field}: {p.Message}");

        string.Join("|", problems).ShouldBe(expected);
        ParticipationRule.Problems(TogetherByConsensus, 3, 1, yes, no, neither).ShouldBeEmpty("the counts are only looked at for a vote");
    }

    [Fact]
    public void TheOptionsConsidered_AreTheLinesWithWords_EachOnce()
    {
        ParticipationRule.OptionLines("Saturday\n\n  Sunday  \r\nsaturday\n").ShouldBe(["Saturday", "Sunday"]);
        ParticipationRule.OptionLines(null).ShouldBeEmpty();
    }

    [Fact]
    public void TheDocs_ExplainTheRule_InTheSameWords()
    {
        var docs = RepositoryFiles.Read("docs", "participation-levels.md");

        foreach (var (when, then) in ParticipationRule.Lines)
        {
            docs.ShouldContain($"| {when} | {then} |");
        }

        foreach (var level in ParticipationLevelWords.All)
        {
            docs.ShouldContain($"## {level.Words()}");
        }
    }

    [Fact]
    public void TheDocsWorkedExamples_QuoteWhatTheRuleSays()
    {
        var docs = RepositoryFiles.Read("docs", "participation-levels.md").ReplaceLineEndings("\n");
        var quoted = docs.Split("\n\n")
            .Where(block => block.StartsWith("> ", StringComparison.Ordinal))
            .Select(block => string.Join(' ', block.Trim().Split('\n').Select(line => line.TrimStart('>').Trim())))
            .ToList();
        (DecisionWay How, int Partners, int Staff, int Options)[] examples =
        [
            (PartnersInformedAfterwards, 0, 2, 0),
            (StaffAlone, 3, 2, 1),
            (StaffAfterConsultingPartners, 0, 3, 2),
            (StaffAfterConsultingPartners, 2, 3, 2),
            (TogetherByVote, 2, 3, 2),
            (PartnersDecided, 4, 1, 1),
            (TogetherByVote, 4, 2, 3),
        ];

        quoted.ShouldBe(examples.Select(e => ParticipationRule.Derive(e.How, e.Partners, e.Staff, e.Options).Why));
        examples.Select(e => ParticipationRule.Derive(e.How, e.Partners, e.Staff, e.Options).Level).Distinct()
            .ShouldBe(ParticipationLevelWords.All, ignoreOrder: true, "one example at least for each level");
    }
}
