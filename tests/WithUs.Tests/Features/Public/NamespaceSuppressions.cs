using System.Diagnostics.CodeAnalysis;

// The tests of the app's Features/Public pages, named as the pages are.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:WithUs.Tests.Features.Public",
    Justification = "Named after the public pages they test; nothing in another language consumes tests.")]
