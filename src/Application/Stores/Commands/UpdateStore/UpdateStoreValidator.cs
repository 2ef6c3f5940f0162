namespace Overholt.Application.Stores.Commands.UpdateStore;

/// <summary>Every detail is optional, but one that is sent must not be blank.</summary>
public sealed class UpdateStoreValidator() : StoreDetailsValidator<UpdateStore>(everyDetailRequired: false);
