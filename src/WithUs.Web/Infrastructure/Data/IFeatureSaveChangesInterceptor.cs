using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// A feature's own work on every save (such as keeping an index in step), registered by the feature. These run
/// before the write guard, so the rows they add are stamped and checked with the rest.
/// </summary>
public interface IFeatureSaveChangesInterceptor : ISaveChangesInterceptor;
