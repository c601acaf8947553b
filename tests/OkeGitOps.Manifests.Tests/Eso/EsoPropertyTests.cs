using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Intent.Eso;
using static OkeGitOps.Manifests.Tests.Eso.IntentGen;

namespace OkeGitOps.Manifests.Tests.Eso;

public class EsoPropertyTests
{
    private const int Runs = 100;

    private static readonly Gen<WorkloadIdentity> Identities =
        from sa in Label
        from ns in Label
        from cluster in Ocid("cluster", OciRegions.Get("iad"))
        from compartment in GlobalOcidCompartment
        select WorkloadIdentity.For(sa, ns, cluster, compartment);

    private static readonly Gen<Models.Eso.ClusterSecretStore> ClusterStores =
        from name in Label
        from region in Region
        from vault in Ocid("vault", region)
        from identity in Identities
        from principal in Gen.Choose(0, 2)
        from compartment in GlobalOcidCompartment
        from key in Ocid("key", region)
        from user in Ocid("user")
        from tenancy in Ocid("tenancy")
        select principal switch
        {
            0 => OciVault.ClusterStore(name, vault, region.Id).WithWorkloadIdentity(identity),
            1 => OciVault.ClusterStore(name, vault, region.Id).WithInstancePrincipal().WithCompartment(compartment).WithEncryptionKey(key),
            _ => OciVault.ClusterStore(name, vault, region.Id).WithUserPrincipal(user, tenancy,
                new SecretKeyRef("oci-api-key", "privateKey", identity.Namespace), new SecretKeyRef("oci-api-key", "fingerprint", identity.Namespace)),
        };

    private static readonly Gen<Models.Eso.SecretStore> Stores =
        from name in Label
        from ns in Label
        from region in Region
        from vault in Ocid("vault", region)
        from identity in Identities
        select OciVault.Store(name, ns, vault, region.Id).WithWorkloadIdentity(identity with { Namespace = ns });

    [Property(MaxTest = Runs)]
    public Property Cluster_stores_round_trip_and_validate()
        => Prop.ForAll(ClusterStores.ToArbitrary(), s => RoundTrips(s));

    [Property(MaxTest = Runs)]
    public Property Namespaced_stores_round_trip_and_validate()
        => Prop.ForAll(Stores.ToArbitrary(), s => RoundTrips(s));

    [Property(MaxTest = Runs)]
    public Property External_secrets_round_trip_and_validate()
    {
        var gen =
            from store in ClusterStores
            from name in Label
            from ns in Label
            from keys in Gen.ArrayOf(VaultKeyName, 3)
            from interval in Gen.OneOf(Intervals.Select(t => (object)t), DurationText.Select(t => (object)t))
            from find in Gen.Elements("^app-", "db-.*", "[a-z]+")
            select (store, name, ns, keys, interval, find);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var es = ExternalSecrets.From(x.name, x.ns, x.store);
            es = x.interval is TimeSpan t ? es.WithRefreshInterval(t) : es.WithRefreshInterval((string)x.interval);
            es = es.AddData("a", x.keys[0]).AddData("b", x.keys[1], property: "p").AddDataFromExtract(x.keys[2]).AddDataFromFind(nameRegex: x.find)
                .WithTarget(x.name, Models.Eso.ExternalSecretSpecTargetCreationPolicy.Owner)
                .WithTemplate(data: new Dictionary<string, string> { ["password"] = "{{ .a }}" }, labels: new Dictionary<string, string> { ["app"] = x.name });
            return RoundTrips(EsoManifests.Render(es).Node);
        });
    }

    [Property(MaxTest = Runs)]
    public Property Workload_identity_outputs_agree()
        => Prop.ForAll(Identities.ToArbitrary(), id =>
        {
            RoundTrips(id.ServiceAccount());
            var sa = id.ServiceAccountRef();
            var text = id.PolicyText();
            return text.Contains($"request.principal.service_account = '{sa.Name}'", StringComparison.Ordinal)
                && text.Contains($"request.principal.namespace = '{sa.Namespace}'", StringComparison.Ordinal)
                && text == id.PolicyText() && text.EndsWith('\n');
        });

    [Property(MaxTest = Runs)]
    public Property Durations_from_timespans_parse_back_to_the_same_length()
        => Prop.ForAll(Intervals.ToArbitrary(), t => GoDuration.Parse(GoDuration.From(t).Text).Value == t);
}
