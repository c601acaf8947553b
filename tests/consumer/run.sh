#!/usr/bin/env bash
# Consumer test: the packages work from a package feed alone, with nothing taken from this source tree.
#
#   bash tests/consumer/run.sh [--feed DIR] [--tool-dir DIR]
#
# --feed DIR      a folder holding the packed .nupkg files (library, tool pointer, tool.any, tool.linux-x64);
#                 without it the script packs the solution and the linux-x64 native tool into a temporary feed.
# --tool-dir DIR  where `dotnet tool install --tool-path` puts okegitops (kept afterwards; .ci/run runs the CLI
#                 tests against it); default: a temporary folder.
#
# In a temporary folder with its own nuget.config (that feed + nuget.org, nothing else) and its own NuGet package
# folder, it checks, one line each ("PASS name" / "FAIL name"):
#   tool-install     dotnet tool install --tool-path picks the native package for this machine;
#   import-crd       the installed okegitops turns the consumer's CRD into a schema file;
#   console-project  a console project referencing the library package, with that schema among AdditionalFiles,
#                    builds (typed models of its CRD from the package's generator) and runs: embedded kinds and its
#                    own, model registry, validation, YAML output equal to files/expected.yaml;
#   file-based-app   examples/fleet/render.cs with `#:project` swapped for `#:package` renders the example fleet;
#   tool-validate    the installed okegitops validates that fleet output.
# The last line is "consumer: N passed, N failed"; the exit code is 1 when anything failed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
feed="" tool_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --feed) feed="$(cd "$2" && pwd)"; shift 2 ;;
    --tool-dir) mkdir -p "$2"; tool_dir="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: $0 [--feed DIR] [--tool-dir DIR]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/okegitops-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_PACKAGES="$work/packages"   # no package of ours from an earlier run's cache
log="$work/log"

if [ -z "$feed" ]; then
  feed="$work/feed"
  dotnet pack "$root/OkeGitOps.Manifests.sln" -c Release -o "$feed" >"$log" 2>&1 \
    && dotnet pack "$root/src/OkeGitOps.Manifests.Cli" -c Release -r any -o "$feed" >>"$log" 2>&1 \
    && dotnet pack "$root/src/OkeGitOps.Manifests.Cli" -c Release -r linux-x64 -o "$feed" >>"$log" 2>&1 \
    || { cat "$log" >&2; echo "FAIL pack"; echo "consumer: 0 passed, 1 failed"; exit 1; }
fi
lib="$(cd "$feed" && ls OkeGitOps.Manifests.[0-9]*.nupkg 2>/dev/null | head -n1)"
version="${lib#OkeGitOps.Manifests.}"; version="${version%.nupkg}"
if [ -z "$lib" ]; then echo "FAIL feed (no OkeGitOps.Manifests package in $feed)"; echo "consumer: 0 passed, 1 failed"; exit 1; fi
[ -n "$tool_dir" ] || tool_dir="$work/tool"

# The NuGet source comes from the repository's nuget.config (the only thing read from the tree besides test inputs).
nuget_source="$(sed -n 's/.*<add key="[^"]*" value="\(https:[^"]*\)".*/\1/p' "$root/nuget.config" | head -n1)"
mkdir -p "$work/app"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="feed" value="$feed" />
    <add key="nuget" value="$nuget_source" />
  </packageSources>
</configuration>
XML
cp "$work/app/nuget.config" "$work/nuget.config"   # for the fleet app and the tool install, beside them

passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if ( "$@" ) >"$log" 2>&1; then echo "PASS $name"; passed=$((passed + 1))
  else echo "FAIL $name"; sed 's/^/  /' "$log" | tail -n 40; failed=$((failed + 1)); fi
}

tool="$tool_dir/okegitops"
install_tool() {
  rm -rf "$tool_dir"/okegitops "$tool_dir"/.store
  cd "$work" && dotnet tool install OkeGitOps.Manifests.Cli --version "$version" --tool-path "$tool_dir" \
    && [ -x "$tool" ] && "$tool" --help >/dev/null
}
check tool-install install_tool

import_crd() {
  "$tool" import-crd "$here/files/rocket-crd.yaml" --out "$work/app/schemas" --upstream "consumer test" \
    && [ -f "$work/app/schemas/acme.example.org/v1/rocket.json" ]
}
check import-crd import_crd

console_project() {
  cp "$here/files/Consumer.csproj" "$here/files/Program.cs" "$work/app/"
  cd "$work/app" \
    && dotnet build -c Release -p:OkeGitOpsVersion="$version" \
    && dotnet bin/Release/net10.0/Consumer.dll >"$work/app/out.yaml" \
    && diff -u "$here/files/expected.yaml" "$work/app/out.yaml" \
    && [ -f "$NUGET_PACKAGES/okegitops.manifests/$version/analyzers/dotnet/cs/OkeGitOps.Manifests.Generators.dll" ] \
    && [ -f "$NUGET_PACKAGES/okegitops.manifests/$version/lib/net10.0/OkeGitOps.Manifests.xml" ]
}
check console-project console_project

file_based_app() {
  mkdir -p "$work/fleet" && cp "$work/nuget.config" "$work/fleet/" \
    && sed "s|^#:project .*|#:package OkeGitOps.Manifests@$version|" "$root/examples/fleet/render.cs" >"$work/fleet/render.cs" \
    && ! grep -q '^#:project' "$work/fleet/render.cs" \
    && cd "$work/fleet" && dotnet run render.cs \
    && [ -n "$(find "$work/fleet/out" -name '*.yaml' | head -n1)" ]
}
check file-based-app file_based_app

tool_validate() {
  "$tool" validate --summary --group-by-path 'clusters/[^/]+/' "$work/fleet/out"
}
check tool-validate tool_validate

echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
