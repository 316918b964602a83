using System.Runtime.Versioning;
using Refinery.Api.SignedLinks;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>The installation's link-signing secret.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_signing_key_is_made_once_as_32_bytes_only_its_owner_can_read()
    {
        var data = Directory.CreateTempSubdirectory("refinery-key-");
        try
        {
            var path = Path.Combine(data.FullName, "signing.key");

            var first = SigningKey.LoadOrCreate(path);
            var second = SigningKey.LoadOrCreate(path);

            Assert.Equal(SigningKey.Length, first.Length);
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

            var error = Assert.Throws<InvalidOperationException>(() => SigningKey.LoadOrCreate(path));

            Assert.Contains("Delete it", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
