using FluentValidation;
using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Application.Validation;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.FindUserByEmail;

/// <summary>The user with this email (so a manager can be chosen by address). Admins only: it tells whether an account exists.</summary>
[RequiresRole(Roles.Admin)]
public sealed record FindUserByEmail(string? Email) : IQuery<UserSummaryDto>;

public sealed class FindUserByEmailHandler(IUserDirectory users) : IQueryHandler<FindUserByEmail, UserSummaryDto>
{
    public async ValueTask<UserSummaryDto> Handle(FindUserByEmail query, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(query.Email!, cancellationToken)
            ?? throw RequestValidationException.ForField(nameof(FindUserByEmail.Email), $"No user has the email {query.Email}.");
}

public sealed class FindUserByEmailValidator : AbstractValidator<FindUserByEmail>
{
    public FindUserByEmailValidator() => RuleFor(query => query.Email).NotEmpty().EmailAddress().MaximumLength(UserLimits.EmailMaxLength).PlainText();
}
