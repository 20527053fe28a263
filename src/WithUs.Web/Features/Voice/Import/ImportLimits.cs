namespace WithUs.Web.Features.Voice.Import;

public static class ImportLimits
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int ErrorsKept = 100;
    public const int PreviewRows = 10;
}
