var builder = WebApplication.CreateBuilder(WithUsPipeline.TranslateArguments(args));
builder.AddWithUs();

var app = builder.Build();
app.UseWithUs();
await app.PrepareAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
