namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>
/// A record named by a route value under /o/{org} ("personId" names a Person). Loaded once, in the organisation,
/// by <see cref="RouteResourceFilter"/> before any handler runs: a missing one (or another organisation's) answers
/// 404 in that one place instead of in every page.
/// </summary>
public abstract class RouteResource
{
    public abstract string RouteKey { get; }

    public abstract Type EntityType { get; }

    public abstract Task<object?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken);
}

public sealed class RouteResource<T>(string routeKey, Func<IQueryable<T>, IQueryable<T>>? shape = null) : RouteResource
    where T : class
{
    public override string RouteKey { get; } = routeKey;

    public override Type EntityType => typeof(T);

    // Tracked unless the feature shaped the query, so a page that changes the record saves it without loading it
    // again. The organisation's query filter applies, so another organisation's id is as missing as a made-up one.
    public override async Task<object?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await (shape ?? (q => q))(db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id))
            .SingleOrDefaultAsync(cancellationToken);
}

public static class RouteResourceServiceCollectionExtensions
{
    /// <summary>
    /// Pages under /o/{org} whose route has {<paramref name="routeKey"/>} get the <typeparamref name="T"/> it names,
    /// or 404. <paramref name="shape"/> may leave out what the pages never need (a large column), untracked.
    /// </summary>
    public static IServiceCollection AddRouteResource<T>(
        this IServiceCollection services, string routeKey, Func<IQueryable<T>, IQueryable<T>>? shape = null)
        where T : class =>
        services.AddSingleton<RouteResource>(new RouteResource<T>(routeKey, shape));
}
