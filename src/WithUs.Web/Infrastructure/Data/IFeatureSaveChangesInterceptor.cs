using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// A feature's own work on every save (such as keeping an index in step), registered by the feature. These run
/// before the write guard, so the rows they add are stamped and checked with the rest. Rows written with
/// <see cref="BulkInsert"/> (an import's new contributions) pass through none of them: one that keeps something in
/// step with contributions must also be called from the bulk writer (ADR 0013).
/// </summary>
public interface IFeatureSaveChangesInterceptor : ISaveChangesInterceptor;
