using Mediator;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Users;

namespace Overholt.Application.Categories.Commands.CreateCategory;

/// <summary>Creates a category and returns its id.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateCategory(string? Name, string? Description) : ICommand<int>, ICategoryDetails;

public sealed class CreateCategoryHandler(IRepository<Category> categories) : ICommandHandler<CreateCategory, int>
{
    public async ValueTask<int> Handle(CreateCategory command, CancellationToken cancellationToken)
    {
        await categories.EnsureNameIsFreeAsync(command.Name!, exceptCategoryId: null, cancellationToken);
        var category = await categories.AddAsync(new Category(command.Name!, command.Description), cancellationToken);
        return category.Id;
    }
}
