namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's key, certificate, password and encryption generators. Argo CD offers them, but whatever they make would be
/// written into a generated Application, and Applications are kept in Git: private keys, CA keys, derived passwords
/// and AES keys would sit there in plain text. The product rule is that no plaintext secret reaches output, so each
/// of these names is known to the parser and fails when called, with an error that says why and what to use instead.
/// </summary>
internal static class SprigRefused
{
    /// <summary>The refused functions and what each would put into the manifest.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["genPrivateKey"] = "generates a private key",
        ["genCA"] = "generates a CA certificate with its private key",
        ["genCAWithKey"] = "builds a CA certificate from a private key given in the template",
        ["genSelfSignedCert"] = "generates a self-signed certificate with its private key",
        ["genSelfSignedCertWithKey"] = "builds a self-signed certificate from a private key given in the template",
        ["genSignedCert"] = "generates a certificate and private key signed by a CA whose key is in the template",
        ["genSignedCertWithKey"] = "builds a certificate signed by a CA from private keys given in the template",
        ["buildCustomCert"] = "builds a certificate object from a base64 certificate and private key given in the template",
        ["derivePassword"] = "derives a password from a master password given in the template",
        ["encryptAES"] = "encrypts text with an AES key given in the template",
        ["decryptAES"] = "decrypts text with an AES key given in the template, writing the plaintext out",
        ["bcrypt"] = "hashes a password that must be given in the template or its parameters",
        ["htpasswd"] = "writes an htpasswd entry for a password that must be given in the template or its parameters",
    };

    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        foreach (var (name, what) in Functions)
        {
            var message = $"{name} is refused: it {what}, and the result would be written into the generated Application, "
                + "which is stored in Git in plain text (this product never writes secret material to its output). "
                + "Keep the secret in OCI Vault and deliver it to the cluster with External Secrets (an ExternalSecret "
                + "in the application's manifests) instead of generating it in the ApplicationSet template";
            f[name] = new(0, -1, (_, _) => throw new TemplateFunctionException(message));
        }
    }
}
