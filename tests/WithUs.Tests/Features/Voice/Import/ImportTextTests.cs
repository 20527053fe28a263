using WithUs.Web.Features.Voice.Import;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>ImportText: what the batch page and the list of recent imports say, in plain, grammatical words.</summary>
public sealed class ImportTextTests
{
    [Theory]
    [InlineData(3, 0, "Imported 3 contributions")]
    [InlineData(1, 0, "Imported 1 contribution")]
    [InlineData(1, 1, "Updated 1 contribution")]
    [InlineData(3, 1, "Added 2 and updated 1 contributions")]
    [InlineData(2, 1, "Added 1 and updated 1 contributions")]
    public void Result_CountsWhatWasAddedAndUpdated(int processed, int updated, string expected)
    {
        var batch = new ImportBatch { FileName = "said.csv", ProcessedRows = processed, Status = ImportStatus.Imported };
        var summary = new ImportSummary([], [], [], ",") { Updates = updated };

        ImportText.Result(batch, summary).ShouldBe(expected);
    }
}
