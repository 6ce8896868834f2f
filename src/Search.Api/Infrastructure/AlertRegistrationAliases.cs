// A bridge, to delete when AlertServiceCollectionExtensions and WebhookDelivery leave this folder (#22): the move
// of the rest of Infrastructure into Backend, Hosting, Security, Export and Errors left those two files untouched
// (they were being rewritten with the alerts work). This alias lets the registration find
// SearchCoreServiceCollectionExtensions.IsCluster, which moved to Backend. An alias, not a namespace import: it
// binds this one name and makes no other file's using redundant. When deleting this file, give
// AlertServiceCollectionExtensions `using Search.Api.Backend;`.
global using SearchCoreServiceCollectionExtensions = Search.Api.Backend.SearchCoreServiceCollectionExtensions;
