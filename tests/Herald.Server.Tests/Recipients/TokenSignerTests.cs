using System.Buffers.Text;
using Herald.Server.Recipients;

namespace Herald.Server.Tests.Recipients;

public sealed class TokenSignerTests
{
    private static readonly TokenSigner Signer = new("0123456789abcdef0123456789abcdef"u8.ToArray());

    [Fact]
    public void An_unsubscribe_token_reads_back_its_recipient_and_category()
    {
        Signer.TryReadUnsubscribe(Signer.Unsubscribe("u:42", "report-actions"), out var id, out var category).ShouldBeTrue();
        (id, category).ShouldBe(("u:42", "report-actions"));
    }

    [Fact]
    public void A_token_signed_with_another_key_or_cut_short_is_refused()
    {
        var other = new TokenSigner("another key, also 32 characters long"u8.ToArray());
        var token = Signer.Unsubscribe("u1", "news");
        other.TryReadUnsubscribe(token, out _, out _).ShouldBeFalse();
        Signer.TryReadUnsubscribe(token[..^1], out _, out _).ShouldBeFalse();
        Signer.TryReadUnsubscribe(token.Split('.')[0], out _, out _).ShouldBeFalse();
        Signer.TryReadUnsubscribe("!!." + token.Split('.')[1], out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_payload_with_a_newline_in_the_id_cannot_smuggle_a_third_field()
    {
        var payload = Base64Url.EncodeToString("u1\nnews\nextra"u8);
        Signer.TryReadUnsubscribe(payload + "." + Signer.Unsubscribe("u1", "news").Split('.')[1], out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Verification_hashes_are_keyed_and_codes_are_bound_to_their_address()
    {
        var token = TokenSigner.NewVerificationToken();
        Signer.HashToken(token).ShouldNotBe(new TokenSigner("another key, also 32 characters long"u8.ToArray()).HashToken(token));
        Signer.HashCode("u1", "a@example.com", "123456").ShouldNotBe(Signer.HashCode("u1", "b@example.com", "123456"));
        Signer.HashCode("u1", "A@Example.com", " 123456").ShouldBe(Signer.HashCode("u1", "a@example.com", "123456"));
        TokenSigner.NewCode().ShouldMatch("^[0-9]{6}$");
    }

    [Fact]
    public void A_generated_key_is_kept_in_the_data_directory_readable_only_by_its_owner()
    {
        var directory = Directory.CreateTempSubdirectory("herald-key-").FullName;
        try
        {
            var first = TokenKeys.Load(null, directory);
            TokenKeys.Load(null, directory).ShouldBe(first);
            first.Length.ShouldBe(32);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(Path.Combine(directory, "token-key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            TokenKeys.Load("a configured key of 32 characters", directory).ShouldNotBe(first);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_key_file_gone_from_an_existing_store_is_never_silently_replaced_and_a_rotation_says_what_it_breaks()
    {
        var directory = Directory.CreateTempSubdirectory("herald-key-").FullName;
        try
        {
            var first = TokenKeys.Load(null, directory);
            TokenKeys.Load(null, directory, TokenKeyMode.MustExist).ShouldBe(first);
            File.Delete(Path.Combine(directory, TokenKeys.FileName));

            Should.Throw<Herald.Server.Hosting.DataMissingException>(() => TokenKeys.Load(null, directory, TokenKeyMode.MustExist))
                .Message.ShouldContain("--rotate-token-key");
            File.Exists(Path.Combine(directory, TokenKeys.FileName)).ShouldBeFalse();

            var warnings = new List<string>();
            var rotated = TokenKeys.Load(null, directory, TokenKeyMode.Rotate, warnings.Add);
            rotated.ShouldNotBe(first);
            TokenKeys.Load(null, directory, TokenKeyMode.MustExist).ShouldBe(rotated);
            warnings.ShouldHaveSingleItem().ShouldContain("every unsubscribe and verification link sent before now no longer works");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
