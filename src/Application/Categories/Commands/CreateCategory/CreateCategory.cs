using Mediator;
using Overholt.Application.Categories.Specifications;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Users;

namespace Overholt.Application.Categories.Commands.CreateCategory;

/// <summary>Creates a category and returns its id.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateCategory(string? Name, string? Description) : ICommand<int>;

public sealed class CreateCategoryHandler(IRepository<Category> categories) : ICommandHandler<CreateCategory, int>
{
    public async ValueTask<int> Handle(CreateCategory command, CancellationToken cancellationToken)
    {
        if (await categories.AnyAsync(new CategoryNamedSpec(command.Name!), cancellationToken))
            throw new ConflictException($"A category named '{command.Name!.Trim()}' already exists");

        var category = await categories.AddAsync(new Category(command.Name!, command.Description), cancellationToken);
        return category.Id;
    }
}
