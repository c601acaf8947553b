#!/usr/bin/env python3
"""Writes the whole-process benchmark corpora: valid manifests of the kinds a GitOps repo holds."""
import os, sys

def application(i):
    return f"""apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: app-{i}
  namespace: argocd
  finalizers:
  - resources-finalizer.argocd.argoproj.io
spec:
  project: default
  source:
    repoURL: https://git.example.com/platform/apps.git
    targetRevision: main
    path: apps/app-{i}
  destination:
    server: https://kubernetes.default.svc
    namespace: app-{i}
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
    - CreateNamespace=true
"""

def applicationset(i):
    return f"""apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: baseline-{i}
  namespace: argocd
spec:
  goTemplate: true
  generators:
  - list:
      elements:
      - cluster: fra
        url: https://fra.example.com
  template:
    metadata:
      name: 'baseline-{i}-{{{{.cluster}}}}'
    spec:
      project: default
      source:
        repoURL: https://git.example.com/platform/baseline.git
        targetRevision: main
        path: baseline
      destination:
        server: '{{{{.url}}}}'
        namespace: baseline
"""

def externalsecret(i):
    return f"""apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db-{i}
  namespace: app-{i}
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: oci-vault
    kind: ClusterSecretStore
  target:
    name: db-{i}
  data:
  - secretKey: password
    remoteRef:
      key: db-password-{i}
"""

def clustersecretstore(i):
    return f"""apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: oci-vault-{i}
spec:
  provider:
    oracle:
      vault: ocid1.vault.oc1.eu-frankfurt-1.amaaaaaaexample{i}
      region: eu-frankfurt-1
      principalType: Workload
      serviceAccountRef:
        name: external-secrets
        namespace: external-secrets
"""

def service(i):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: svc-{i}
  namespace: apps
  annotations:
    oci.oraclecloud.com/load-balancer-type: lb
    service.beta.kubernetes.io/oci-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector:
    app: svc-{i}
  ports:
  - name: https
    port: 443
    targetPort: 8443
"""

MIXED = [application, applicationset, externalsecret, clustersecretstore, service]

def write(path, docs):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("---\n".join(docs))

def main(root):
    write(f"{root}/one/app.yaml", [application(0)])
    for i in range(1000):
        write(f"{root}/services/svc-{i:04}.yaml", [service(i)])
    n = 0
    for f in range(2000):
        write(f"{root}/mixed/{f // 100:02}/file-{f:04}.yaml", [MIXED[(n + k) % 5](n + k) for k in range(5)])
        n += 5
    with open(f"{root}/big.yaml", "w") as out:
        for i in range(100_000):
            if i: out.write("---\n")
            out.write(MIXED[i % 5](i))

if __name__ == "__main__":
    main(sys.argv[1])
