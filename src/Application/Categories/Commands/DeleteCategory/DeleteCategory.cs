using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Users;

namespace Overholt.Application.Categories.Commands.DeleteCategory;

/// <summary>Deletes a category; its products stay, without it.</summary>
[RequiresRole(Roles.Admin)]
public sealed record DeleteCategory(int CategoryId, VersionCondition? IfVersion = null) : ICommand;

public sealed class DeleteCategoryHandler(IRepository<Category> categories) : ICommandHandler<DeleteCategory>
{
    public async ValueTask<Unit> Handle(DeleteCategory command, CancellationToken cancellationToken)
    {
        var category = await categories.GetByIdAsync(command.CategoryId, cancellationToken)
            ?? throw new NotFoundException(nameof(Category), command.CategoryId);
        command.IfVersion?.Ensure(category, nameof(Category));
        await categories.DeleteAsync(category, cancellationToken);
        return Unit.Value;
    }
}
