using Herald.Storage.Postgres.Access;
using Herald.Storage.Postgres.Feedback;
using Herald.Storage.Postgres.Lifecycle;
using Herald.Storage.Postgres.Portal;
using Herald.Storage.Postgres.Recipients;
using Herald.Storage.Tests.Contract;

namespace Herald.Storage.Postgres.Tests;

internal static class PostgresPorts
{
    public static StorePorts Of(PostgresStore store) => new(store, store, new PostgresRecipientStore(store), new PostgresFeedbackStore(store),
        new PostgresReplayGuard(store), new PostgresApiKeyStore(store), store, new PostgresOperatorStore(store), new PostgresPortalLinkStore(store),
        new PostgresStoreMaintenance(store), new PostgresErasureStore(store));
}
