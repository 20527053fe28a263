using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// The GOV.UK error summary: every problem on the page, each linking to its field, in the order the fields appear.
/// Empty when all is well.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var enc = HtmlEncoder.Default;
        var items = new System.Text.StringBuilder();
        var errors = modelState.Where(e => e.Value?.Errors.Count > 0).ToDictionary(e => e.Key, e => e.Value!.Errors);
        foreach (var key in ErrorOrder.Sort(ViewContext.ViewData.Model?.GetType(), errors.Keys))
        {
            foreach (var error in errors[key])
            {
                var message = enc.Encode(error.ErrorMessage);
                items.Append(string.IsNullOrEmpty(key)
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{message}</a></li>");
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}

/// <summary>
/// Orders model state keys the way a person meets them: errors about the whole form first, then field errors in the
/// order their properties are declared on the page model (which is the order the page shows them), unknown keys last.
/// </summary>
public static class ErrorOrder
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesInOrder = new();

    public static IReadOnlyList<string> Sort(Type? modelType, IEnumerable<string> keys) =>
        keys.Select((key, index) => (Key: key, Index: index, Position: Position(modelType, key)))
            .OrderBy(k => k.Key.Length == 0 ? 0 : k.Position is null ? 2 : 1)
            .ThenBy(k => k.Position, PositionComparer.Instance)
            .ThenBy(k => k.Index)
            .Select(k => k.Key)
            .ToList();

    /// <summary>The declaration index of each property along the key ("Input.Email", "Items[2].Name"), or null when a part is unknown.</summary>
    private static int[]? Position(Type? modelType, string key)
    {
        if (modelType is null || key.Length == 0)
        {
            return null;
        }

        var position = new List<int>();
        var type = modelType;
        foreach (var part in key.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var properties = PropertiesInOrder.GetOrAdd(type, InDeclarationOrder);
            var index = Array.FindIndex(properties, p => BindsAs(p, name));
            if (index < 0)
            {
                return null;
            }

            position.Add(index);
            type = properties[index].PropertyType;
            if (bracket >= 0)
            {
                type = ElementType(type);
                if (type is null)
                {
                    return null;
                }

                var item = part.AsSpan(bracket + 1).TrimEnd(']');
                position.Add(int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);
            }
        }

        return [.. position];
    }

    private static bool BindsAs(PropertyInfo property, string name)
    {
        var bindingName = property.GetCustomAttributes(inherit: true).OfType<IModelNameProvider>()
            .Select(a => a.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        return string.Equals(bindingName ?? property.Name, name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Base class properties before derived ones; within a class, metadata tokens follow the source order.</summary>
    private static PropertyInfo[] InDeclarationOrder(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)];

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];

    private sealed class PositionComparer : IComparer<int[]?>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            if (x is null || y is null)
            {
                return (x is null).CompareTo(y is null);
            }

            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
