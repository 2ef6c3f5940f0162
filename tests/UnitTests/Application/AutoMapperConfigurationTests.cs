using AutoMapper;
using AutoMapper.Internal;
using Overholt.Application;

namespace Overholt.UnitTests.Application;

/// <summary>The mapping configuration is valid and stays clear of the shapes behind AutoMapper 14's published advisories.</summary>
public sealed class AutoMapperConfigurationTests
{
    private static readonly MapperConfiguration Configuration =
        new(configuration => configuration.AddMaps(typeof(ApplicationAssembly).Assembly));

    [Fact]
    public void The_configuration_is_valid() => Configuration.AssertConfigurationIsValid();

    [Fact]
    public void No_map_is_self_referential_or_maps_into_object_or_interface_members()
    {
        var typeMaps = Configuration.Internal().GetAllTypeMaps();
        Assert.NotEmpty(typeMaps);

        foreach (var map in typeMaps)
        {
            Assert.NotEqual(map.SourceType, map.DestinationType);
            foreach (var property in map.DestinationType.GetProperties())
            {
                var type = ElementType(property.PropertyType);
                Assert.False(type == map.DestinationType, $"{map.DestinationType.Name}.{property.Name} refers to its own type");
                Assert.False(type == typeof(object) || type.IsInterface, $"{map.DestinationType.Name}.{property.Name} is typed {type.Name}");
            }
        }
    }

    private static Type ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element] ? element : type;
}
