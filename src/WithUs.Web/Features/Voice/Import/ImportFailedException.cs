namespace WithUs.Web.Features.Voice.Import;

/// <summary>A problem that stops an import, in words the person importing can act on.</summary>
public sealed class ImportFailedException(string message) : Exception(message);
