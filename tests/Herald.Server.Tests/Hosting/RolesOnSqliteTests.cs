namespace Herald.Server.Tests.Hosting;

/// <summary>The roles on SQLite: both nodes on the store file of one data folder.</summary>
public sealed class RolesOnSqliteTests : RolesOnStoreTests
{
    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
