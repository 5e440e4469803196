using Herald.Storage.Sqlite;

namespace Herald.Storage.Tests;

public sealed class SecretPurgerTests
{
    [Fact]
    public void Only_the_listed_top_level_fields_are_removed() =>
        SecretPurger.Purge("""{"a":1,"token":"s3cret","nested":{"token":"kept"}}""", ["token"])
            .ShouldBe("""{"a":1,"nested":{"token":"kept"}}""");

    [Fact]
    public void Nothing_left_is_stored_as_null() => SecretPurger.Purge("""{"token":"x"}""", ["token"]).ShouldBeNull();

    [Fact]
    public void Data_that_is_not_an_object_is_dropped_rather_than_kept_with_a_secret() =>
        SecretPurger.Purge("""["s3cret"]""", ["token"]).ShouldBeNull();

    [Fact]
    public void Already_purged_data_stays_null() => SecretPurger.Purge(null, ["token"]).ShouldBeNull();
}
