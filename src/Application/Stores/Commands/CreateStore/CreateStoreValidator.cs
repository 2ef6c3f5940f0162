namespace Overholt.Application.Stores.Commands.CreateStore;

public sealed class CreateStoreValidator() : StoreDetailsValidator<CreateStore>(everyDetailRequired: true);
