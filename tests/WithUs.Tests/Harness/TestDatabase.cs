using Xunit.Abstractions;
using Xunit.Sdk;

namespace WithUs.Tests.Harness;

/// <summary>
/// The database the running test is on. A <see cref="DatabaseFactAttribute"/> or <see cref="DatabaseTheoryAttribute"/>
/// test runs once on each, and its name in the results ends with the one it ran on: "(on SQLite)", "(on PostgreSQL)".
/// </summary>
public static class TestDatabase
{
    public static readonly IReadOnlyList<DatabaseProvider> All = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly AsyncLocal<DatabaseProvider?> Running = new();

    public static DatabaseProvider Current => Running.Value ?? throw new InvalidOperationException(
        "This test runs on no database: mark it [DatabaseFact] or [DatabaseTheory] (not [Fact] or [Theory]) so that " +
        "it runs once on SQLite and once on PostgreSQL.");

    public static string Name(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    internal static string DisplayName(string test, DatabaseProvider provider) => $"{test} (on {Name(provider)})";

    /// <summary>Runs a test case with <see cref="Current"/> set for it: the value flows into the test's class and body.</summary>
    internal static async Task<RunSummary> RunOnAsync(DatabaseProvider provider, Func<Task<RunSummary>> run)
    {
        // An async method restores its caller's context when it returns, so the value never leaks to the next test.
        Running.Value = provider;
        return await run();
    }
}

/// <summary>A test that runs once on SQLite and once on PostgreSQL. Its class takes an app per database (AppPerDatabase).</summary>
[XunitTestCaseDiscoverer("WithUs.Tests.Harness.DatabaseFactDiscoverer", "WithUs.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory whose every row runs once on SQLite and once on PostgreSQL.</summary>
[XunitTestCaseDiscoverer("WithUs.Tests.Harness.DatabaseTheoryDiscoverer", "WithUs.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.Method.GetParameters().Any()
            ? base.Discover(discoveryOptions, testMethod, factAttribute) // xunit's own "a fact takes no parameters" error
            : TestDatabase.All.Select(provider => new DatabaseTestCase(DiagnosticMessageSink, discoveryOptions, testMethod, provider));
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        TestDatabase.All.Select(provider => new DatabaseTestCase(DiagnosticMessageSink, discoveryOptions, testMethod, provider, dataRow));

    /// <summary>Each row becomes a test per database only when xunit can list the rows before the run.</summary>
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
    [
        new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod,
            "A [DatabaseTheory] needs rows xunit can list before the run (strings, numbers, enums, dates)."),
    ];
}

/// <summary>One test (or one theory row) on one database.</summary>
public sealed class DatabaseTestCase : XunitTestCase
{
    private DatabaseProvider provider;

    [Obsolete("For the xunit de-serialiser only.", error: true)]
    public DatabaseTestCase()
    {
    }

    public DatabaseTestCase(IMessageSink diagnosticMessageSink, ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, DatabaseProvider provider, object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod, testMethodArguments) =>
        this.provider = provider;

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = TestDatabase.DisplayName(DisplayName, provider);
    }

    protected override string GetUniqueID() => $"{base.GetUniqueID()}-{provider}";

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        TestDatabase.RunOnAsync(provider,
            () => base.RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource));

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Database", provider.ToString());
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        provider = Enum.Parse<DatabaseProvider>(data.GetValue<string>("Database"));
        base.Deserialize(data);
    }
}
