using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class PasswordHasherTests
{
    private static readonly string _hash = PasswordHasher.Hash("correct horse battery");

    [Fact]
    public void The_password_that_was_hashed_verifies_and_another_does_not()
    {
        Assert.True(PasswordHasher.Verify("correct horse battery", _hash));
        Assert.False(PasswordHasher.Verify("correct horse batterY", _hash));
        Assert.False(PasswordHasher.Verify("", _hash));
    }

    [Fact]
    public void A_hash_is_salted_and_names_its_scheme_and_iteration_count()
    {
        var again = PasswordHasher.Hash("correct horse battery");

        Assert.NotEqual(_hash, again);
        Assert.StartsWith($"pbkdf2-sha256${PasswordHasher.Iterations}$", _hash, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery", _hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("md5$1000$AAAA$AAAA")]
    public void A_hash_this_class_did_not_write_verifies_nothing(string encoded)
    {
        Assert.False(PasswordHasher.Verify("anything", encoded));
    }

    [Fact]
    public void A_changed_hash_byte_no_longer_verifies()
    {
        var parts = _hash.Split('$');
        var hash = Convert.FromBase64String(parts[3]);
        hash[0] ^= 1;
        parts[3] = Convert.ToBase64String(hash);

        Assert.False(PasswordHasher.Verify("correct horse battery", string.Join('$', parts)));
    }
}
