using System.Net.Http.Headers;

namespace Overholt.Testing.Http;

/// <summary>
/// Sends each request with a bearer token from POST /api/auth/login, signing in once: at the first request, or earlier
/// through <see cref="SignInAsync"/>. A client can then be handed out at once, with the sign-in awaited where it happens.
/// </summary>
public sealed class BearerSignIn(Func<HttpClient> createClient, TestUser user) : DelegatingHandler
{
    private readonly Lazy<Task<string>> _token = new(() => LoginAsync(createClient, user));

    /// <summary>Signs in now, if not yet done: the token is then issued before whatever the test does next.</summary>
    public Task SignInAsync() => _token.Value;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await _token.Value);
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<string> LoginAsync(Func<HttpClient> createClient, TestUser user)
    {
        using var client = createClient();
        return await Authentication.LoginAsync(client, user.Email, user.Password);
    }
}
