using Overholt.Testing.Builders;

namespace Overholt.Testing;

/// <summary>
/// Base class for a functional test: the database is reset before each test, and
/// <see cref="AsAdmin"/>, <see cref="AsUser"/>, <see cref="Anonymous"/> and <see cref="Given"/> are at hand.
/// </summary>
public abstract class ApiTest(OverholtApp app) : IAsyncLifetime
{
    protected OverholtApp App { get; } = app;

    protected Given Given => App.Given;

    protected TestUser Admin => App.Admin;

    protected TestUser User => App.User;

    protected HttpClient AsAdmin => App.AsAdmin;

    protected HttpClient AsUser => App.AsUser;

    protected HttpClient Anonymous => App.Anonymous;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
