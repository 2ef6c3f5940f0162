using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application;
using Overholt.Application.Behaviours;
using Overholt.Application.Errors;
using Overholt.Application.Stores.Commands.CreateStore;

namespace Overholt.UnitTests.Application;

public sealed class ValidationBehaviourTests
{
    // The application's own validator configuration: fields are named by their properties.
    static ValidationBehaviourTests() => new ServiceCollection().AddApplication();

    [Fact]
    public async Task Failures_name_fields_by_property_and_stop_the_request()
    {
        var handled = false;
        var behaviour = new ValidationBehaviour<CreateStore, int>([new CreateStoreValidator()]);

        var error = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behaviour.Handle(new CreateStore("Shop", "1 Main St", "Portland", "OR", ZipCode: null), (_, _) =>
            {
                handled = true;
                return ValueTask.FromResult(1);
            }, CancellationToken.None));

        Assert.False(handled);
        var message = Assert.Single(Assert.Single(error.Errors, pair => pair.Key == nameof(CreateStore.ZipCode)).Value);
        Assert.Equal("'ZipCode' must not be empty.", message);
    }

    [Fact]
    public async Task Valid_requests_reach_the_handler()
    {
        var behaviour = new ValidationBehaviour<CreateStore, int>([new CreateStoreValidator()]);

        var id = await behaviour.Handle(new CreateStore("Shop", "1 Main St", "Portland", "OR", "97201"), (_, _) => ValueTask.FromResult(42), CancellationToken.None);

        Assert.Equal(42, id);
    }

    [Fact]
    public void Every_command_with_input_has_a_validator()
    {
        var commandsWithText = typeof(ApplicationAssembly).Assembly.GetTypes()
            .Where(type => typeof(IBaseCommand).IsAssignableFrom(type) && !type.IsAbstract)
            .Where(type => type.GetProperties().Any(property => property.PropertyType == typeof(string)));
        var validated = typeof(ApplicationAssembly).Assembly.GetTypes()
            .Where(type => !type.IsAbstract)
            .SelectMany(type => type.GetInterfaces())
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(type => type.GetGenericArguments()[0])
            .ToHashSet();

        Assert.All(commandsWithText, command => Assert.Contains(command, validated));
    }
}
