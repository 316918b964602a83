using System.Runtime.Versioning;
using System.Security.Cryptography;
using Refinery.Api.Hosting;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>The installation's secrets as files: made in the data directory, or given by the operator.</summary>
public sealed class KeyFileTests : IDisposable
{
    private const string WhatReplacingItCosts = "links stop working";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("refinery-key-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_signing_key_is_made_once_as_32_bytes_only_its_owner_can_read()
    {
        var path = Path.Combine(_data.FullName, "signing.key");

        var first = KeyFile.LoadOrCreate(path, WhatReplacingItCosts);
        var second = KeyFile.LoadOrCreate(path, WhatReplacingItCosts);

        Assert.Equal(KeyFile.Length, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(_data.GetFiles());
    }

    [Fact]
    public void A_signing_key_file_of_the_wrong_length_is_refused_with_what_to_do()
    {
        var path = Path.Combine(_data.FullName, "signing.key");
        File.WriteAllBytes(path, new byte[7]);

        var error = Assert.Throws<InvalidOperationException>(() => KeyFile.LoadOrCreate(path, WhatReplacingItCosts));

        Assert.Contains("Delete it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_key_file_may_hold_the_key_or_its_base64()
    {
        var key = RandomNumberGenerator.GetBytes(KeyFile.Length);
        var raw = Path.Combine(_data.FullName, "raw.key");
        var base64 = Path.Combine(_data.FullName, "base64.key");
        File.WriteAllBytes(raw, key);
        File.WriteAllText(base64, Convert.ToBase64String(key) + "\n");

        Assert.Equal(key, KeyFile.Read(raw, WhatReplacingItCosts));
        Assert.Equal(key, KeyFile.Read(base64, WhatReplacingItCosts));
    }

    [Fact]
    public void A_given_key_file_holding_anything_else_is_refused_saying_how_to_make_one()
    {
        var wrong = Path.Combine(_data.FullName, "wrong.key");
        File.WriteAllText(wrong, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

        var error = Assert.Throws<InvalidOperationException>(() => KeyFile.Read(wrong, WhatReplacingItCosts));

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }
}
