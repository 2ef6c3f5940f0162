using FluentValidation;
using Mediator;
using Overholt.Application.Security;
using Overholt.Application.Validation;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.CreateUser;

/// <summary>Creates a user account (the original's <c>create_user</c> command), an admin if asked, and returns its id.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateUser(string? Email, string? Password, bool IsAdmin = false) : ICommand<int>;

public sealed class CreateUserHandler(IUserAccounts accounts) : ICommandHandler<CreateUser, int>
{
    public async ValueTask<int> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        var id = await accounts.CreateAsync(command.Email!.Trim(), command.Password!, cancellationToken);
        if (command.IsAdmin)
            await accounts.SetInRoleAsync(id, Roles.Admin, inRole: true, cancellationToken);
        return id;
    }
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(command => command.Email).NotEmpty().EmailAddress().MaximumLength(UserLimits.EmailMaxLength).PlainText();
        RuleFor(command => command.Password).NotEmpty().MinimumLength(UserLimits.PasswordMinLength);
    }
}
