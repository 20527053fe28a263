using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>
/// The key ring moved from a hand-written repository (Guid ids) to Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
/// (integer ids). Whatever was protected before the upgrade (sign-in cookies, reset and invitation tokens, public form
/// stamps) must still be read after it, or everyone is signed out and every e-mailed link breaks.
/// </summary>
public sealed class KeyRingUpgradeTests
{
    private readonly DatabaseProvider provider = TestDatabase.Current;

    /// <summary>The last migration of the release that kept keys with the hand-written repository.</summary>
    private const string BeforeTheUpgrade = "20261122010000_SimilarityIndexes";

    private const string Purpose = "WithUs.Tests.KeyRingUpgrade";

    private const string Payload = "signed in as Olive, until 18:00";

    [DatabaseFact]
    public async Task WhatTheOldKeyRingProtected_IsReadByTheUpgradedApp_WithTheSameKey()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeTheUpgrade);
        }

        var protectedBefore = ProtectAsTheOldAppDid(database);
        (await CountAsync(database, "SELECT COUNT(*) FROM \"DataProtectionKeys\"")).ShouldBe(1, "the old app wrote its key");

        await using var upgraded = new WithUsFactory(provider, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
        });
        using (upgraded.CreateClient())
        {
            // Starting the app applies the migrations that move the key ring.
        }

        var protector = upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        protector.Unprotect(protectedBefore).ShouldBe(Payload);
        var keys = await upgraded.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().DataProtectionKeys
            .AsNoTracking().ToListAsync());
        keys.Count.ShouldBe(1, "the old key was carried over and no new one was needed");
        XElement.Parse(keys[0].Xml!).Name.LocalName.ShouldBe("key");
        keys[0].FriendlyName.ShouldStartWith("key-");
    }

    [DatabaseFact]
    public async Task AnEmptyOldKeyRing_Upgrades_AndTheAppMakesItsFirstKeyOnStarting()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeTheUpgrade);
        }

        await using var upgraded = new WithUsFactory(provider, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
        });
        using (upgraded.CreateClient())
        {
            // Data Protection loads its key ring as the app starts, and makes the first key if there is none.
        }

        var protector = upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        protector.Unprotect(protector.Protect(Payload)).ShouldBe(Payload);
        (await CountAsync(database, "SELECT COUNT(*) FROM \"DataProtectionKeys\"")).ShouldBe(1);
    }

    /// <summary>Data Protection as the app set it up before: application name WithUs, keys kept by the old repository.</summary>
    private static string ProtectAsTheOldAppDid(ScratchDatabase database)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("WithUs");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new OldRepository(database));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(Payload);
    }

    /// <summary>Writes keys as the hand-written DatabaseXmlRepository did: a Guid id, the friendly name and the XML on one line.</summary>
    private sealed class OldRepository(ScratchDatabase database) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = Open(database);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = Open(database);
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"DataProtectionKeys\" (\"Id\", \"FriendlyName\", \"Xml\") VALUES (@id, @name, @xml)";
            var id = Guid.CreateVersion7();
            // As EF stored a Guid on each provider: upper-case text on SQLite, uuid on PostgreSQL.
            Add(command, "@id", database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id);
            Add(command, "@name", friendlyName);
            Add(command, "@xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }

        private static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static DbConnection Open(ScratchDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private static async Task<long> CountAsync(ScratchDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
