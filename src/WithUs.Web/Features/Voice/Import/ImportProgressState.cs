namespace WithUs.Web.Features.Voice.Import;

/// <summary>Rows done so far, of <see cref="Total"/> (0 while checking, when the total is not known yet).</summary>
public sealed record ImportProgressState(int Done, int Total, int Percent);
