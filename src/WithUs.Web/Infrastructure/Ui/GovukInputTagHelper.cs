using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// A GOV.UK Design System text input bound to a page model property, with its label, hint and error message,
/// and the value the person typed kept after a failed post (except passwords).
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";

    /// <summary>A width class such as govuk-input--width-20, or govuk-!-width-two-thirds.</summary>
    public string? Width { get; set; }

    public string? Inputmode { get; set; }

    public int? Maxlength { get; set; }

    /// <summary>The label is the page's heading (one question per page).</summary>
    public bool LabelIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = FormField.For(ViewContext, For);
        var html = new System.Text.StringBuilder();
        var enc = HtmlEncoder.Default;
        var describedBy = field.AppendLabelHintAndError(html, Label, Hint, LabelIsHeading);

        var value = Type == "password" ? null : field.Value;
        html.Append($"<input class=\"govuk-input{(Width is null ? "" : " " + Width)}{(field.Error is null ? "" : " govuk-input--error")}\"");
        html.Append($" id=\"{field.Id}\" name=\"{enc.Encode(field.Name)}\" type=\"{enc.Encode(Type)}\"");
        if (value is not null)
        {
            html.Append($" value=\"{enc.Encode(value)}\"");
        }

        if (Autocomplete is not null)
        {
            html.Append($" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            html.Append($" inputmode=\"{enc.Encode(Inputmode)}\"");
        }

        if (Maxlength is not null)
        {
            html.Append($" maxlength=\"{Maxlength}\"");
        }

        html.Append(Spellcheck ? " spellcheck=\"true\"" : " spellcheck=\"false\"");
        if (describedBy.Count > 0)
        {
            html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        html.Append('>');

        field.WriteFormGroup(output, html);
    }
}

/// <summary>What every GOV.UK field tag helper here is given: the property it is bound to, its label and hint, and
/// whether the browser may fill it in or check its spelling.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    public bool Spellcheck { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }
}

/// <summary>Name, id, current value and first error of a bound form field.</summary>
public sealed record FormField(string Name, string Id, string? Value, string? Error)
{
    public static FormField For(ViewContext viewContext, Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression expression)
    {
        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry);
        var value = entry?.AttemptedValue ?? FormatValue(expression.Model);
        var error = entry?.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new FormField(name, id, value, error);
    }

    /// <summary>The label (or the page's heading), hint and error message above a field; answers the ids the field
    /// is described by.</summary>
    public List<string> AppendLabelHintAndError(System.Text.StringBuilder html, string label, string? hint, bool labelIsHeading)
    {
        var enc = HtmlEncoder.Default;
        var describedBy = new List<string>();
        var labelHtml = $"<label class=\"govuk-label{(labelIsHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{enc.Encode(label)}</label>";
        html.Append(labelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{labelHtml}</h1>" : labelHtml);
        if (hint is not null)
        {
            describedBy.Add(Id + "-hint");
            html.Append($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{enc.Encode(hint)}</div>");
        }

        if (Error is not null)
        {
            describedBy.Add(Id + "-error");
            html.Append($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(Error)}</p>");
        }

        return describedBy;
    }

    /// <summary>Makes the tag helper's output the field's form group, marked when it has an error.</summary>
    public void WriteFormGroup(TagHelperOutput output, System.Text.StringBuilder html)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
