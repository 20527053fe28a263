using System.Text;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>An import file with the column names and one example row, to fill in and upload.</summary>
public sealed class TemplateModel : OrganisationPageModel
{
    public IActionResult OnGet()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', ImportColumns.All.Select(c => SpreadsheetCells.Quote(c.Name))).Append("\r\n");
        csv.AppendJoin(',', ImportColumns.All.Select(c => SpreadsheetCells.Quote(c.Example))).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "withus-import-template.csv");
    }
}
