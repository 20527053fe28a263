using System.Diagnostics.CodeAnalysis;

// "Public" is the everyday word for who these pages serve; no consumer of this web app is written in Visual Basic.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Scope = "namespace", Target = "~N:WithUs.Web.Features.Public",
    Justification = "The public face of an organisation; the app is not a library for other languages.")]
