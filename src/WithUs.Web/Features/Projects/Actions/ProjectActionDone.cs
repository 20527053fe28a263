namespace WithUs.Web.Features.Projects.Actions;

/// <summary>Marking an action done (or not done after all), by staff or by the partner whose action it is.</summary>
public static class ProjectActionDone
{
    /// <summary>
    /// Marks it, in one statement that only changes it when it is not that way already, so a second click, or two
    /// people at once, keep the first time and the first person who marked it.
    /// </summary>
    public static async Task MarkAsync(WithUsDbContext db, Guid actionId, bool done, Guid? byUserId, DateTime now, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var changed = done
            ? await db.Set<ProjectAction>().Where(a => a.Id == actionId && a.DoneAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DoneAtUtc, now).SetProperty(a => a.DoneByUserId, byUserId), cancellationToken)
            : await db.Set<ProjectAction>().Where(a => a.Id == actionId && a.DoneAtUtc != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DoneAtUtc, (DateTime?)null).SetProperty(a => a.DoneByUserId, (Guid?)null), cancellationToken);
        if (changed > 0)
        {
            await audit.RecordAsync(done ? "ProjectActionDone" : "ProjectActionReopened", cancellationToken: cancellationToken);
        }
    }
}
