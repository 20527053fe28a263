using WithUs.Web.Infrastructure;

namespace WithUs.Tests.Infrastructure;

/// <summary>Cells no spreadsheet runs as a formula, whatever it splits on, and that read back exactly.</summary>
public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("Pat;=1+1;@SUM(2+2)", "Pat;'=1+1;'@SUM(2+2)")]
    [InlineData("a,+b|-c\t@d", "a,'+b|'-c\t'@d")]
    [InlineData("line\n=cmd|' /C calc'!A0", "line\n'=cmd|' /C calc'!A0")]
    [InlineData("a; =b", "a; '=b")]
    [InlineData("\t=x", "'\t'=x")]
    [InlineData("\r\n-x", "'\r\n'-x")]
    [InlineData("'=already", "''=already")]
    [InlineData("it's = fine", "it's = fine")]
    [InlineData("x-1=2", "x-1=2")]
    public void Defuse_PutsAnApostropheBeforeEveryFormulaStart(string value, string expected) =>
        SpreadsheetCells.Defuse(value).ShouldBe(expected);

    [Theory]
    [InlineData("Pat;=1+1;@SUM(2+2)")]
    [InlineData("'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("''+x;'''-y")]
    [InlineData("\t\r\n=|=,=;=")]
    [InlineData("-")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData("a, '@b")]
    public void Restore_GivesBackExactlyWhatWasDefused(string value) =>
        SpreadsheetCells.Restore(SpreadsheetCells.Defuse(value)).ShouldBe(value);

    [Theory]
    [InlineData("Pat;=1+1;@SUM(2+2)", "\"Pat;'=1+1;'@SUM(2+2)\"")]
    [InlineData("a|b", "\"a|b\"")]
    [InlineData("a\tb", "\"a\tb\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain words", "plain words")]
    public void Quote_QuotesEveryCellWithASeparatorOfAnyKind(string value, string expected) =>
        SpreadsheetCells.Quote(value).ShouldBe(expected);

    [Fact]
    public void NoDefusedCell_SplitOnAnySeparator_HasAPieceThatStartsAFormula()
    {
        string[] hostile = ["Pat;=1+1;@SUM(2+2)", "=1|+2|-3|@4", "ok,\t=x", "a;\r=b", " =c;  +d", "'=e"];
        foreach (var value in hostile)
        {
            var cell = SpreadsheetCells.Defuse(value);
            foreach (var piece in cell.Split([',', ';', '\t', '|', '\r', '\n']))
            {
                piece.TrimStart(' ').ShouldNotMatch(@"^[=+\-@]", $"'{piece}' from '{value}'");
            }
        }
    }
}
