using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>
/// A password session lasts as long as its 24-hour token: the cookie expires with it and the server refuses it after,
/// on a server of its own whose clock the test moves.
/// </summary>
public sealed partial class ConsoleSessionExpiryTests : PasswordUserServerTests
{
    [Fact]
    public async Task A_password_session_ends_when_its_token_expires()
    {
        using var session = new ConsoleHttpSession(Server.BaseAddress);
        var before = Clock.GetUtcNow();
        using var signedIn = await session.SignInWithPasswordAsync(UserName, Password, Server.ProjectId);
        var after = Clock.GetUtcNow();

        Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        using var beforeExpiry = await session.GetAsync("/console");
        Clock.Advance(TimeSpan.FromMinutes(2));
        using var afterExpiry = await session.GetAsync("/console");

        var expires = CookieExpires().Match(string.Join('\n', signedIn.Headers.GetValues("Set-Cookie")));
        Assert.True(expires.Success, "the session cookie has no expiry: it would outlive its token");
        var cookieExpires = DateTimeOffset.Parse(expires.Groups["expires"].Value, CultureInfo.InvariantCulture);
        // The cookie's date is written to the second, so it may fall up to a second before the token's.
        Assert.InRange(cookieExpires, before + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), after + TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterExpiry.StatusCode);
        Assert.StartsWith("/console/sign-in", afterExpiry.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("refinery_console=[^;]*;.*?expires=(?<expires>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CookieExpires();
}
