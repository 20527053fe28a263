using System.Collections.Concurrent;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Each organisation's sentence vectors held in memory (<see cref="VectorSet"/>), so that a suggestion compares the
/// text with every earlier contribution without reading them all from the database (1.5 KB each: 150 MB at 100,000).
/// Loaded on first use; kept in step with this process's own saves by <see cref="ContributionEmbeddings"/>; compared
/// with the database's count at most every <see cref="CheckEvery"/> and loaded again if they differ, since another
/// node may have embedded or removed vectors; forgotten when unused for <see cref="ForgetAfter"/>, so an installation
/// of many organisations holds only the busy ones.
/// </summary>
public sealed class OrganisationVectors(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Holder> held = new();

    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The current organisation's vectors (of <paramref name="db"/>'s tenant), loading them if need be.</summary>
    public async Task<VectorSet> ForAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = db.Tenant.RequiredOrganisationId;
        var now = time.GetUtcNow();
        ForgetUnused(now);
        var holder = held.GetOrAdd(organisationId, _ => new Holder());
        holder.UsedAt = now;
        if (holder.Set is { } fresh && now - holder.CheckedAt < CheckEvery)
        {
            return fresh;
        }

        await holder.Loading.WaitAsync(cancellationToken);
        try
        {
            if (holder.Set is { } set && now - holder.CheckedAt < CheckEvery)
            {
                return set;
            }

            if (holder.Set is null || await StoredCountAsync(db, cancellationToken) != holder.Set.Count)
            {
                await LoadAsync(db, holder, cancellationToken);
            }

            holder.CheckedAt = now;
            return holder.Set!;
        }
        finally
        {
            holder.Loading.Release();
        }
    }

    /// <summary>A vector this process saved: kept in step if the organisation's vectors are held.</summary>
    public void Saved(Guid organisationId, Guid contributionId, float[] vector)
    {
        if (held.TryGetValue(organisationId, out var holder))
        {
            holder.Apply(set => set.Put(contributionId, vector));
        }
    }

    /// <summary>A vector (or its contribution) this process removed.</summary>
    public void Removed(Guid organisationId, Guid contributionId)
    {
        if (held.TryGetValue(organisationId, out var holder))
        {
            holder.Apply(set => set.Remove(contributionId));
        }
    }

    private static Task<int> StoredCountAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        db.ContributionVectors.CountAsync(v => v.Model == SentenceModel.Name, cancellationToken);

    private static async Task LoadAsync(WithUsDbContext db, Holder holder, CancellationToken cancellationToken)
    {
        var set = new VectorSet();
        holder.StartLoading();
        try
        {
            await foreach (var row in db.ContributionVectors.AsNoTracking()
                               .Where(v => v.Model == SentenceModel.Name)
                               .Select(v => new { v.ContributionId, v.Vector })
                               .AsAsyncEnumerable()
                               .WithCancellation(cancellationToken))
            {
                set.Put(row.ContributionId, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(row.Vector));
            }
        }
        catch
        {
            holder.FinishLoading(null);
            throw;
        }

        holder.FinishLoading(set);
    }

    private void ForgetUnused(DateTimeOffset now)
    {
        foreach (var (organisationId, holder) in held)
        {
            if (now - holder.UsedAt > ForgetAfter)
            {
                held.TryRemove(organisationId, out _);
            }
        }
    }

    /// <summary>
    /// One organisation's set, and the changes saved while it was being loaded: those are applied again once the load
    /// finishes, since the rows read may or may not include them.
    /// </summary>
    private sealed class Holder
    {
        private readonly Lock gate = new();
        private List<Action<VectorSet>>? whileLoading;

        public SemaphoreSlim Loading { get; } = new(1, 1);

        public VectorSet? Set { get; private set; }

        public DateTimeOffset CheckedAt { get; set; }

        public DateTimeOffset UsedAt { get; set; }

        public void Apply(Action<VectorSet> change)
        {
            lock (gate)
            {
                whileLoading?.Add(change);
                if (Set is { } set)
                {
                    change(set);
                }
            }
        }

        public void StartLoading()
        {
            lock (gate)
            {
                whileLoading = [];
            }
        }

        /// <summary>Puts the loaded set in use, or, when loading failed (null), keeps the one before.</summary>
        public void FinishLoading(VectorSet? loaded)
        {
            lock (gate)
            {
                if (loaded is not null)
                {
                    foreach (var change in whileLoading ?? [])
                    {
                        change(loaded);
                    }

                    Set = loaded;
                }

                whileLoading = null;
            }
        }
    }
}
