using Microsoft.AspNetCore.Mvc;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Tests.Infrastructure.Ui;

public sealed class ErrorOrderTests
{
    [Fact]
    public void Sort_PutsFormErrorsFirst_ThenFieldsInDeclarationOrder_ThenUnknownKeys()
    {
        string[] inDictionaryOrder = ["Input.Email", "Nonsense", "Input.Password", "", "Input.Name", "page"];

        var sorted = ErrorOrder.Sort(typeof(Page), inDictionaryOrder);

        sorted.ShouldBe(["", "page", "Input.Name", "Input.Email", "Input.Password", "Nonsense"]);
    }

    [Fact]
    public void Sort_FollowsListItemsInIndexOrder_AndIgnoresTheCaseOfNames()
    {
        string[] keys = ["input.Items[10].Text", "Input.Items[2].Text", "Input.Items[2].Label", "Input.Items"];

        var sorted = ErrorOrder.Sort(typeof(Page), keys);

        sorted.ShouldBe(["Input.Items", "Input.Items[2].Label", "Input.Items[2].Text", "input.Items[10].Text"]);
    }

    [Fact]
    public void Sort_WithoutAModel_KeepsTheOrderGivenAfterFormErrors() =>
        ErrorOrder.Sort(null, ["B", "", "A"]).ShouldBe(["", "B", "A"]);

    public sealed class Page
    {
        [BindProperty(SupportsGet = true, Name = "page")]
        public int PageNumber { get; set; }

        public Form Input { get; set; } = new();
    }

    public sealed class Form
    {
        public string Name { get; set; } = "";

        public string Email { get; set; } = "";

        public string Password { get; set; } = "";

        public List<Item> Items { get; set; } = [];
    }

    public sealed class Item
    {
        public string Label { get; set; } = "";

        public string Text { get; set; } = "";
    }
}
