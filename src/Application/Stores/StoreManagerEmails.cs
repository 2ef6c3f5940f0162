using Overholt.Application.Users;

namespace Overholt.Application.Stores;

/// <summary>Fills in the emails of the managers of projected stores, with one query for all of them.</summary>
public static class StoreManagerEmails
{
    public static async Task FillManagerEmailsAsync(this IUserDirectory users, IReadOnlyCollection<StoreDto> stores, CancellationToken cancellationToken)
    {
        var managers = stores.SelectMany(store => store.Managers).ToList();
        if (managers.Count == 0)
            return;

        var emails = await users.GetEmailsAsync(managers.Select(manager => manager.Id).Distinct().ToList(), cancellationToken);
        foreach (var manager in managers)
            manager.Email = emails.GetValueOrDefault(manager.Id, string.Empty);
    }
}
