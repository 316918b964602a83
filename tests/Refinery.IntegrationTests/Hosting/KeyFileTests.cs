using System.Runtime.Versioning;
using Refinery.Api.Hosting;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>The installation's secrets as files: made in the data directory, or given by the operator.</summary>
public sealed class KeyFileTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_signing_key_is_made_once_as_32_bytes_only_its_owner_can_read()
    {
        var data = Directory.CreateTempSubdirectory("refinery-key-");
        try
        {
            var path = Path.Combine(data.FullName, "signing.key");

            var first = KeyFile.LoadOrCreate(path, "links stop working");
            var second = KeyFile.LoadOrCreate(path, "links stop working");

            Assert.Equal(KeyFile.Length, first.Length);
            Assert.Equal(first, second);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Single(data.GetFiles());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_signing_key_file_of_the_wrong_length_is_refused_with_what_to_do()
    {
        var data = Directory.CreateTempSubdirectory("refinery-key-");
        try
        {
            var path = Path.Combine(data.FullName, "signing.key");
            File.WriteAllBytes(path, new byte[7]);

            var error = Assert.Throws<InvalidOperationException>(() => KeyFile.LoadOrCreate(path, "links stop working"));

            Assert.Contains("Delete it", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_given_key_file_may_hold_the_key_or_its_base64_and_nothing_else()
    {
        var data = Directory.CreateTempSubdirectory("refinery-key-");
        try
        {
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.Length);
            var raw = Path.Combine(data.FullName, "raw.key");
            var base64 = Path.Combine(data.FullName, "base64.key");
            var wrong = Path.Combine(data.FullName, "wrong.key");
            File.WriteAllBytes(raw, key);
            File.WriteAllText(base64, Convert.ToBase64String(key) + "\n");
            File.WriteAllText(wrong, Convert.ToBase64String(key[..16]));

            Assert.Equal(key, KeyFile.Read(raw, "links stop working"));
            Assert.Equal(key, KeyFile.Read(base64, "links stop working"));
            Assert.Contains("openssl rand -base64 32", Assert.Throws<InvalidOperationException>(() => KeyFile.Read(wrong, "links stop working")).Message, StringComparison.Ordinal);
            Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => KeyFile.Read(Path.Combine(data.FullName, "none.key"), "x")).Message, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
