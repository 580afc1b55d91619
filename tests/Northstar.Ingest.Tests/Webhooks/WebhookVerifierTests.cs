using System.Text;
using Northstar.Ingest.Webhooks;

namespace Northstar.Ingest.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private const string Secret = "evergreen-pos-secret-0123456789abcdef";
    private const string OtherSecret = "another-source-secret-fedcba9876543210";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"o-1"}""");

    private readonly WebhookVerifier _verifier = new(
        new Dictionary<string, string> { ["Evergreen-POS"] = Secret, ["crm"] = OtherSecret }, new FixedClock(Now));

    [Fact]
    public void Signature_agrees_with_openssl_over_timestamp_dot_body()
    {
        // printf '%s' '1767225600.{"id":"o-1"}' | openssl dgst -sha256 -hmac "$secret", as docs/ingest.md shows.
        Assert.Equal(
            "sha256=248ba630024b8d6aed310e7286061e122d681df86f1f7a70f02a02403b75010a",
            WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void A_request_signed_with_the_source_secret_verifies_and_names_the_source_as_configured()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.True(_verifier.TryVerify("evergreen-pos", Seconds(Now), signature, Body, out var source));
        Assert.Equal("Evergreen-POS", source);
    }

    [Fact]
    public void A_changed_body_another_source_secret_or_an_unknown_source_is_refused()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var changed = Encoding.UTF8.GetBytes("""{"id":"o-2"}""");

        Assert.False(_verifier.TryVerify("Evergreen-POS", Seconds(Now), signature, changed, out _));
        Assert.False(_verifier.TryVerify("crm", Seconds(Now), signature, Body, out _));
        Assert.False(_verifier.TryVerify("unknown", Seconds(Now), signature, Body, out _));
        Assert.False(_verifier.TryVerify(null, Seconds(Now), signature, Body, out _));
    }

    [Fact]
    public void A_signature_is_bound_to_its_timestamp()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(_verifier.TryVerify("Evergreen-POS", Seconds(Now.AddSeconds(1)), signature, Body, out _));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Timestamps_more_than_five_minutes_from_now_either_way_are_refused(int offsetSeconds, bool valid)
    {
        var signedAt = Now.AddSeconds(offsetSeconds);
        var signature = WebhookSignature.Sign(Secret, signedAt.ToUnixTimeSeconds(), Body);

        Assert.Equal(valid, _verifier.TryVerify("Evergreen-POS", Seconds(signedAt), signature, Body, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("248ba630024b8d6aed310e7286061e122d681df86f1f7a70f02a02403b75010a")]
    [InlineData("sha1=248ba630024b8d6aed310e7286061e122d681df86f1f7a70f02a02403b75010a")]
    [InlineData("sha256=248ba630024b8d6aed310e7286061e122d681df86f1f7a70f02a02403b75010")]
    [InlineData("sha256=zz8ba630024b8d6aed310e7286061e122d681df86f1f7a70f02a02403b75010a")]
    public void Missing_or_malformed_signatures_are_refused(string? signature) =>
        Assert.False(_verifier.TryVerify("Evergreen-POS", Seconds(Now), signature, Body, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1767225600")]
    [InlineData("1767225600.5")]
    [InlineData("2026-01-01T00:00:00Z")]
    public void Missing_or_malformed_timestamps_are_refused(string? timestamp)
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(_verifier.TryVerify("Evergreen-POS", timestamp, signature, Body, out _));
    }

    [Fact]
    public void Upper_case_hex_is_accepted()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var upper = WebhookSignature.Scheme + signature[WebhookSignature.Scheme.Length..].ToUpperInvariant();

        Assert.True(_verifier.TryVerify("Evergreen-POS", Seconds(Now), upper, Body, out _));
    }

    private static string Seconds(DateTimeOffset instant) =>
        instant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
