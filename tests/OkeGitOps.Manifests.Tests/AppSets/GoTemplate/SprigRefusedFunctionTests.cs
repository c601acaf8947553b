using OkeGitOps.Manifests.AppSets.GoTemplate;
using Engine = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>
/// Sprig's key, certificate, password and encryption generators parse (Argo CD knows them) but fail when called, with
/// a positioned template error that names the function, says why it is refused and what to do instead.
/// </summary>
public class SprigRefusedFunctionTests
{
    public static readonly string[] Refused =
    [
        "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "buildCustomCert", "derivePassword", "encryptAES", "decryptAES", "bcrypt", "htpasswd",
    ];

    [Theory]
    [InlineData("genPrivateKey", "{{ genPrivateKey \"rsa\" }}", "generates a private key")]
    [InlineData("genCA", "{{ $ca := genCA \"my-ca\" 365 }}{{ $ca.Cert }}", "generates a CA certificate with its private key")]
    [InlineData("genCAWithKey", "{{ genCAWithKey \"my-ca\" 365 .key }}", "builds a CA certificate from a private key")]
    [InlineData("genSelfSignedCert", "{{ genSelfSignedCert \"x.example.com\" nil nil 365 }}", "self-signed certificate with its private key")]
    [InlineData("genSelfSignedCertWithKey", "{{ genSelfSignedCertWithKey \"x\" nil nil 365 .key }}", "self-signed certificate from a private key")]
    [InlineData("genSignedCert", "{{ genSignedCert \"x\" nil nil 365 .ca }}", "signed by a CA")]
    [InlineData("genSignedCertWithKey", "{{ genSignedCertWithKey \"x\" nil nil 365 .ca .key }}", "signed by a CA from private keys")]
    [InlineData("buildCustomCert", "{{ buildCustomCert .cert .key }}", "certificate object from a base64 certificate and private key")]
    [InlineData("derivePassword", "{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }}", "derives a password from a master password")]
    [InlineData("encryptAES", "{{ encryptAES \"secretkey\" \"plaintext\" }}", "encrypts text with an AES key")]
    [InlineData("decryptAES", "{{ \"30tEfhuJSVRhpG97XCuWgz2okj7L8vQ1s6V9zVUPeDQ=\" | decryptAES \"secretkey\" }}", "decrypts text with an AES key")]
    [InlineData("bcrypt", "{{ bcrypt \"hunter2\" }}", "hashes a password")]
    [InlineData("htpasswd", "{{ htpasswd \"user\" \"hunter2\" }}", "htpasswd entry")]
    public void A_refused_function_fails_naming_itself_and_why(string function, string template, string what)
    {
        Assert.Contains(function, Engine.FunctionNames);
        var parsed = Engine.Parse(template); // known to the parser, as in Argo CD
        var e = Assert.Throws<GoTemplateException>(() => parsed.Execute(new Dictionary<string, object?>()));
        // Go cuts the "at <...>" context after 20 characters; the function's full name follows in "error calling".
        Assert.Contains($"error calling {function}: {function} is refused: it ", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.Contains("stored in Git in plain text", e.Message, StringComparison.Ordinal);
        Assert.Contains("OCI Vault", e.Message, StringComparison.Ordinal);
        Assert.Contains("External Secrets", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("template: :1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refused_list_is_exactly_sprigs_secret_generators()
        => Assert.Equal(Refused.Order(StringComparer.Ordinal), SprigRefused.Functions.Keys.Order(StringComparer.Ordinal));
}
