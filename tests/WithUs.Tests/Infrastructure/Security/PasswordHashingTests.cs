using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>Stored passwords are PBKDF2-HMAC-SHA512 with at least 210,000 iterations (OWASP), not Identity's 100,000.</summary>
public sealed class PasswordHashingTests(PasswordHashingTests.ProductionHashingApp app) : IClassFixture<PasswordHashingTests.ProductionHashingApp>
{
    /// <summary>The other tests' app hashes faster; this one keeps the production setting.</summary>
    public sealed class ProductionHashingApp() : WithUsFactory(Web.Infrastructure.Data.DatabaseProvider.Sqlite)
    {
        protected override bool FastPasswordHashing => false;
    }

    [Fact]
    public void StoredHash_UsesPbkdf2Sha512WithAtLeast210000Iterations()
    {
        var hasher = app.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>();

        var stored = Convert.FromBase64String(hasher.HashPassword(new ApplicationUser { DisplayName = "x" }, "plum kettle orbit lantern"));

        // Identity's version 3 format: marker, PRF, iteration count, salt length, salt, subkey (big-endian).
        stored[0].ShouldBe((byte)0x01);
        BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(1)).ShouldBe(2u, "2 is HMAC-SHA512 in KeyDerivationPrf");
        BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(5)).ShouldBeGreaterThanOrEqualTo(210_000u);
    }
}
