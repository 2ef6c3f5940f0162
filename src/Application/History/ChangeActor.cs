using Overholt.Application.Security;

namespace Overholt.Application.History;

/// <summary>
/// Who a change is recorded against: a user (id and email at that moment), or, with no account, <see cref="Operator"/>
/// (management commands), <see cref="System"/> (background jobs) or <see cref="Anonymous"/> (a password reset link).
/// </summary>
public sealed record ChangeActor(int? UserId, string Name)
{
    public const string OperatorName = "operator";
    public const string SystemName = "system";
    public const string AnonymousName = "anonymous";

    public static readonly ChangeActor Operator = new(null, OperatorName);
    public static readonly ChangeActor System = new(null, SystemName);
    public static readonly ChangeActor Anonymous = new(null, AnonymousName);

    /// <summary>The actor for whoever a request runs for: a signed-in user by id and email, the operator, or nobody.</summary>
    public static ChangeActor For(ICurrentUser user) =>
        user.Id is { } id ? new ChangeActor(id, user.Email ?? user.Name)
        : user.IsAuthenticated ? Operator
        : Anonymous;
}

/// <summary>Who the changes being saved now are made by, read when they are saved (a singleton: it serves a pooled context).</summary>
public interface IChangeActor
{
    ChangeActor Current { get; }
}
