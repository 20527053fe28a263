using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Jobs;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Key rotation (docs/configuration.md): after a new key is added, the job seals every detail again with it, so the old
/// key can be taken out; a detail whose key is missing is left exactly as it was.
/// </summary>
public sealed class ResealJobTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    [DatabaseFact]
    public async Task AfterANewKeyIsAdded_TheJobSealsEverythingAgainWithIt_AndTheOldKeyCanGo()
    {
        var (old, newer) = (SealingKeys.NewKeyText(), SealingKeys.NewKeyText());
        await using var before = apps.Current.Fresh(new Dictionary<string, string?> { ["SensitiveData:Keys"] = old });
        using var staff = await before.SignedInAsync();
        var person = await before.CreatePersonAsync(staff.Organisation);
        await before.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["sex"] = "female" });
        var oldName = SealingKeys.NameOf(Convert.FromBase64String(old));
        var newName = SealingKeys.NameOf(Convert.FromBase64String(newer));

        await using (var rotated = Reopen(before, old + "\n" + newer))
        {
            await RunAsync(rotated);
            var row = await rotated.InOrganisationAsync(staff.Organisation, db => db.SealedDetails.AsNoTracking().SingleAsync());
            (row.KeyName, Sealer.KeyOf(row.Value)).ShouldBe((newName, newName));
        }

        await using var onlyNew = Reopen(before, newer);
        var answers = await onlyNew.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(staff.Organisation.ToEntity(), OrganisationRole.Administrator);
            var kept = await services.GetRequiredService<WithUsDbContext>().People.SingleAsync(p => p.Id == person.Id);
            return await services.GetRequiredService<EqualityMonitoring>().TheirOwnAnswersAsync(kept, CancellationToken.None);
        });
        answers.ShouldBe(new Dictionary<string, string> { ["sex"] = "female" });
        oldName.ShouldNotBe(newName);
    }

    [DatabaseFact]
    public async Task ADetailWhoseKeyIsMissing_IsLeftAsItWas()
    {
        await using var before = apps.Current.Fresh();
        using var staff = await before.SignedInAsync();
        var person = await before.CreatePersonAsync(staff.Organisation);
        await before.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["sex"] = "male" });
        var original = await before.InOrganisationAsync(staff.Organisation, db => db.SealedDetails.AsNoTracking().SingleAsync());

        await using var lost = Reopen(before, SealingKeys.NewKeyText());
        await RunAsync(lost);

        var after = await lost.InOrganisationAsync(staff.Organisation, db => db.SealedDetails.AsNoTracking().SingleAsync());
        after.KeyName.ShouldBe(original.KeyName);
        after.Value.ShouldBe(original.Value);
        var description = await lost.InScopeAsync(services => services.GetRequiredService<ResealJob>().DescribeAsync(CancellationToken.None));
        description.ShouldContain("1 sensitive detail is sealed with an older key");
    }

    /// <summary>Another app on the same database, with these keys.</summary>
    private static WithUsFactory Reopen(WithUsFactory app, string keys) => new(app.Provider, new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = app.Database.ConnectionString,
        ["SensitiveData:Keys"] = keys,
        ["Maintenance:ResealEveryHours"] = "24",
    });

    private static async Task RunAsync(WithUsFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await runner.RunIfDueAsync(ResealJob.JobName, force: true, CancellationToken.None)).Kind == JobOutcomeKind.Succeeded)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The re-seal job did not run");
    }
}
