using Overholt.Application.Users;

namespace Overholt.Application.Stores;

public sealed class StoreDto
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public required string Address { get; init; }

    public required string City { get; init; }

    public required string State { get; init; }

    public required string ZipCode { get; init; }

    public IReadOnlyList<StoreProductDto> Products { get; init; } = [];

    public IReadOnlyList<UserSummaryDto> Managers { get; init; } = [];
}
