using Herald.Core.Messages;

namespace Herald.Core.Tests.Messages;

public sealed class SecretDataTests
{
    [Fact]
    public void Only_the_listed_top_level_fields_are_removed() =>
        SecretData.Purge("""{"a":1,"token":"s3cret","nested":{"token":"kept"}}""", ["token"])
            .ShouldBe("""{"a":1,"nested":{"token":"kept"}}""");

    [Fact]
    public void Nothing_left_is_stored_as_null() => SecretData.Purge("""{"token":"x"}""", ["token"]).ShouldBeNull();

    [Fact]
    public void Data_that_is_not_an_object_is_dropped_rather_than_kept_with_a_secret() =>
        SecretData.Purge("""["s3cret"]""", ["token"]).ShouldBeNull();

    [Fact]
    public void Already_purged_data_stays_null() => SecretData.Purge(null, ["token"]).ShouldBeNull();

    [Fact]
    public void Data_without_secret_fields_is_kept_byte_for_byte()
    {
        const string data = """{ "report" : "Q3",  "amount": 1.50 }""";

        SecretData.Purge(data, []).ShouldBeSameAs(data);
    }

    [Fact]
    public void A_secret_field_absent_from_the_data_leaves_the_other_fields() =>
        SecretData.Purge("""{"name":"Ana"}""", ["code"]).ShouldBe("""{"name":"Ana"}""");
}
