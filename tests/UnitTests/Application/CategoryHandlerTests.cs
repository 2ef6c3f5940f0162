using Ardalis.Specification;
using NSubstitute;
using Overholt.Application.Categories.Commands.CreateCategory;
using Overholt.Application.Categories.Commands.UpdateCategory;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.UnitTests.Application;

public sealed class CategoryHandlerTests
{
    private readonly IRepository<Category> _categories = Substitute.For<IRepository<Category>>();

    [Fact]
    public async Task A_duplicate_category_name_is_a_conflict_and_nothing_is_added()
    {
        _categories.AnyAsync(Arg.Any<ISpecification<Category>>(), Arg.Any<CancellationToken>()).Returns(true);

        await Assert.ThrowsAsync<ConflictException>(async () => await new CreateCategoryHandler(_categories).Handle(new CreateCategory("Fruit", null), default));

        await _categories.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task Renaming_to_a_name_another_category_has_is_the_same_conflict_and_renames_nothing()
    {
        var category = new Category("Fruit");
        _categories.GetByIdAsync(1, Arg.Any<CancellationToken>()).Returns(category);
        _categories.AnyAsync(Arg.Any<ISpecification<Category>>(), Arg.Any<CancellationToken>()).Returns(true);

        var conflict = await Assert.ThrowsAsync<ConflictException>(async () => await new UpdateCategoryHandler(_categories).Handle(new UpdateCategory(1, " Vegetables ", null), default));

        Assert.Equal("A category named 'Vegetables' already exists", conflict.Message);
        Assert.Equal("Fruit", category.Name);
    }
}
