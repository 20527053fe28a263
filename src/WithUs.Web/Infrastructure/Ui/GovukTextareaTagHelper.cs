using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>A GOV.UK Design System textarea bound to a page model property, like <see cref="GovukInputTagHelper"/>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = FormField.For(ViewContext, For);
        var html = new System.Text.StringBuilder();
        var enc = HtmlEncoder.Default;
        var describedBy = field.AppendLabelHintAndError(html, Label, Hint, labelIsHeading: false);
        html.Append($"<textarea class=\"govuk-textarea{(field.Error is null ? "" : " govuk-textarea--error")}\"");
        html.Append($" id=\"{field.Id}\" name=\"{enc.Encode(field.Name)}\" rows=\"{Rows}\"");
        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }

        html.Append(Spellcheck ? " spellcheck=\"true\"" : " spellcheck=\"false\"");
        if (describedBy.Count > 0)
        {
            html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        // A newline straight after the opening tag is dropped by HTML parsers, so a value that starts with one keeps it.
        html.Append(">\n").Append(enc.Encode(field.Value ?? "")).Append("</textarea>");
        field.WriteFormGroup(output, html);
    }
}
