using Overholt.Domain.Primitives;

namespace Overholt.Domain.Categories;

/// <summary>A named group of products; names are unique.</summary>
public sealed class Category : Entity
{
    public const int NameMaxLength = 255;
    public const int DescriptionMaxLength = 255;

    private Category()
    {
        Name = string.Empty;
    }

    public Category(string name, string? description = null)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
    }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Changed();
    }

    public void Describe(string? description)
    {
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
        Changed();
    }
}
