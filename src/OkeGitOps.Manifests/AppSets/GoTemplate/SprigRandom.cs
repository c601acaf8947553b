using System.Text;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's random functions, drawing from the run's <see cref="GoTemplateEnvironment"/> so that a preview is
/// reproducible with a fixed seed. The shapes are Sprig's (character sets, UUID version 4 layout, base64 for
/// <c>randBytes</c>); the values cannot match Argo CD's, which come from a cryptographic source on every reconcile.
/// </summary>
internal static class SprigRandom
{
    /// <summary>Longest random string or byte count one call may ask for.</summary>
    private const int MaxCount = 1_000_000;

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["randAlphaNum"] = new(1, 1, (c, a) => RandomString(c, Int(a[0]), Letters + Digits));
        f["randAlpha"] = new(1, 1, (c, a) => RandomString(c, Int(a[0]), Letters));
        f["randNumeric"] = new(1, 1, (c, a) => RandomString(c, Int(a[0]), Digits));
        f["randAscii"] = new(1, 1, (c, a) => RandomString(c, Int(a[0]), Printable));
        f["randInt"] = new(2, 2, (c, a) => RandInt(c, Int(a[0]), Int(a[1])));
        f["randBytes"] = new(1, 1, (c, a) => RandBytes(c, Int(a[0])));
        f["uuidv4"] = new(0, 0, (c, _) => UuidV4(c.Environment.Random));
        f["shuffle"] = new(1, 1, (c, a) => Shuffle(c.Environment.Random, Str(a[0])));
    }

    /// <summary>The printable ASCII characters, space to tilde, that <c>randAscii</c> draws from.</summary>
    private static readonly string Printable = new(Enumerable.Range(32, 95).Select(i => (char)i).ToArray());

    /// <summary>A negative count gives the empty string, as Sprig swallows goutils' error.</summary>
    private static string RandomString(FunctionContext c, int count, string alphabet)
    {
        if (count <= 0) return "";
        if (count > MaxCount) throw new TemplateFunctionException($"random string length {count} exceeds {MaxCount}");
        var random = c.Environment.Random;
        var sb = new StringBuilder(count);
        for (var i = 0; i < count; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
        return sb.ToString();
    }

    /// <summary>An integer in [min, max); Go's rand.Intn panics when the range is empty.</summary>
    private static long RandInt(FunctionContext c, int min, int max)
    {
        var span = (long)max - min;
        if (span <= 0) throw new TemplateFunctionException("invalid argument to Intn");
        return min + c.Environment.Random.NextInt64(span);
    }

    private static string RandBytes(FunctionContext c, int count)
    {
        if (count < 0) throw new TemplateFunctionException("runtime error: makeslice: len out of range");
        if (count > MaxCount) throw new TemplateFunctionException($"random byte count {count} exceeds {MaxCount}");
        var bytes = new byte[count];
        c.Environment.Random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>A version 4 (random) UUID in its canonical lower-case form.</summary>
    public static string UuidV4(Random random)
    {
        var b = new byte[16];
        random.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0f) | 0x40);
        b[8] = (byte)((b[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexString(b).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The string's characters (whole code points) in random order.</summary>
    private static string Shuffle(Random random, string s)
    {
        var runes = s.EnumerateRunes().ToArray();
        for (var i = runes.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (runes[i], runes[j]) = (runes[j], runes[i]);
        }
        var sb = new StringBuilder(s.Length);
        foreach (var r in runes) sb.Append(r.ToString());
        return sb.ToString();
    }
}
