// Before any thread that serves a request exists (see the method).
_ = WithUs.Web.Infrastructure.NativeHeap.OneArenaPerCore();

var builder = WebApplication.CreateBuilder(WithUsPipeline.Options(args, Environment.GetEnvironmentVariable));
builder.AddWithUs();

var app = builder.Build();
app.UseWithUs();
await app.PrepareAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
