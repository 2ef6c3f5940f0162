using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Identity;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Auth;

/// <summary>The email and code a password reset link carries.</summary>
internal sealed record ResetLink(string Email, string Code);

/// <summary>Reset links as the emails carry them, made without waiting for an email.</summary>
internal static class ResetLinks
{
    public static async Task<ResetLink> ForAsync(OverholtApp app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<PasswordRecovery>().CreateLinkAsync(user.Email)
            ?? throw new InvalidOperationException($"No link for {user.Email}");
        var query = QueryHelpers.ParseQuery(link.Url.Query);
        return new ResetLink(query["email"].ToString(), query["code"].ToString());
    }

    public static Task<HttpResponseMessage> UseAsync(HttpClient client, ResetLink link, string newPassword) =>
        client.PostJsonAsync("/api/auth/resetPassword", new { email = link.Email, reset_code = link.Code, new_password = newPassword });
}
