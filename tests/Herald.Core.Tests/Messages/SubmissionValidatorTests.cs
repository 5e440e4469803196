using System.Text.Json;
using Herald.Core.Messages;
using Herald.Core.Tests.Catalogue;

namespace Herald.Core.Tests.Messages;

public sealed class SubmissionValidatorTests
{
    private static SubmissionResult Validate(string? type, string? to, string? data, string? key = null) =>
        SubmissionValidator.Validate(
            new SubmitRequest(type, to, data is null ? null : JsonDocument.Parse(data).RootElement, key),
            TestCatalogue.Default());

    [Fact]
    public void A_valid_request_passes_with_a_normalised_address()
    {
        var result = Validate("magic-code", "Ana@Example.com", """{"code":"123456"}""");
        result.IsValid.ShouldBeTrue();
        result.Submission!.To.ShouldBe("Ana@example.com");
    }

    [Fact]
    public void An_unknown_type_is_named_in_the_type_field() =>
        Validate("magic-cod", "a@example.com", "{}").Errors.Keys.ShouldBe(["type"]);

    [Fact]
    public void A_missing_required_data_field_is_named_by_its_path() =>
        Validate("magic-code", "a@example.com", """{"name":"Ana"}""").Errors.Keys.ShouldBe(["data.code"]);

    [Fact]
    public void A_field_the_type_does_not_declare_is_refused() =>
        Validate("magic-code", "a@example.com", """{"code":"1","kode":"2"}""").Errors.Keys.ShouldBe(["data.kode"]);

    [Fact]
    public void A_bad_address_and_missing_data_are_both_reported()
    {
        var errors = Validate("magic-code", "a@example.com\r\nBcc: x@y.com", "{}").Errors;
        errors.Keys.Order().ShouldBe(["data.code", "to"]);
    }

    [Fact]
    public void Data_must_be_an_object() =>
        Validate("magic-code", "a@example.com", "[1]").Errors.Keys.ShouldBe(["data"]);

    [Fact]
    public void The_request_hash_ignores_whitespace_but_not_values()
    {
        var a = Validate("magic-code", "a@example.com", """{"code":"1"}""").Submission!.RequestHash;
        var b = Validate("magic-code", "A@EXAMPLE.com", """{ "code" : "1" }""").Submission!.RequestHash;
        var c = Validate("magic-code", "a@example.com", """{"code":"2"}""").Submission!.RequestHash;
        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }
}
