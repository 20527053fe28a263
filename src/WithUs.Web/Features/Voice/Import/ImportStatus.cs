namespace WithUs.Web.Features.Voice.Import;

public enum ImportStatus
{
    /// <summary>Uploaded; waiting for, or being, checked.</summary>
    Checking = 0,

    /// <summary>Checked: ready to import when it has no errors, otherwise waiting for a corrected file.</summary>
    Checked = 1,

    /// <summary>Confirmed; waiting for, or being, imported.</summary>
    Importing = 2,

    Imported = 3,

    Failed = 4,
}
