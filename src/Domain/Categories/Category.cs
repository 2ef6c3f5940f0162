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

    /// <summary>
    /// Changes the given details; a null value leaves that detail as it is, an empty description clears it. The version
    /// moves once, and only when a detail ends up different: sending the current details back is not a change.
    /// </summary>
    public void ChangeDetails(string? name = null, string? description = null)
    {
        var details = (
            name is null ? Name : Guard.RequiredText(name, "Name", NameMaxLength),
            description is null ? Description : Guard.OptionalText(description, "Description", DescriptionMaxLength));
        if (details == (Name, Description))
            return;
        (Name, Description) = details;
        Changed();
    }
}
