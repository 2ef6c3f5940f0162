using FluentValidation;
using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.ResetPassword;

/// <summary>Sets a new password for a user; their browser sessions end within a minute (a new security stamp).</summary>
[RequiresRole(Roles.Admin)]
public sealed record ResetPassword(int UserId, string? NewPassword) : ICommand;

public sealed class ResetPasswordHandler(IUserAccounts accounts) : ICommandHandler<ResetPassword>
{
    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        await accounts.ResetPasswordAsync(command.UserId, command.NewPassword!, cancellationToken);
        return Unit.Value;
    }
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() => RuleFor(command => command.NewPassword).NotEmpty().MinimumLength(UserLimits.PasswordMinLength);
}
