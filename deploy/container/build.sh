#!/usr/bin/env bash
# Herald's container image, built to a tar archive by the .NET SDK's container support (no Docker engine, no Dockerfile):
#
#   deploy/container/build.sh [ARCHIVE]        (default: artifacts/container/herald.tar)
#
# The image is `herald serve` published self-contained for linux-x64 on a base that needs no .NET runtime, running as
# uid 1654 (the `app` user of Microsoft's images), data in /var/lib/herald. Its settings are in src/Herald.Cli's
# project file; how to run it: docs/deploy.md.
#
# The base image:
#   BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0 deploy/container/build.sh   when a registry with it is reachable;
#   otherwise (the default) one built here from Debian packages only: mmdebstrap --variant=minbase (bookworm, plus
#   ca-certificates and libssl3 for STARTTLS), made an OCI image with umoci, and served to the SDK for the duration of the
#   build by Debian's docker-registry on 127.0.0.1 (plain HTTP, so the SDK is told it is insecure). Needs root and the
#   Debian packages mmdebstrap, umoci, skopeo and docker-registry.
set -euo pipefail
cd "$(dirname "$0")/../.."
archive=$(realpath -m "${1:-artifacts/container/herald.tar}")
mkdir -p "$(dirname "$archive")"
start=$SECONDS

if [ -z "${BASE_IMAGE:-}" ]; then
  missing=()
  for tool in mmdebstrap umoci skopeo docker-registry; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "missing: ${missing[*]} (apt-get install ${missing[*]}), or set BASE_IMAGE to a base image in a reachable registry" >&2
    exit 2
  fi
  work=$(mktemp -d)
  registry_pid=""
  cleanup() { [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$work"; }
  trap cleanup EXIT

  # The root file system: Debian's minimal base and what a self-contained .NET program needs (glibc, libstdc++, OpenSSL,
  # CA certificates), the `app` user (uid 1654, as in Microsoft's images) and the data folder it owns, no documentation.
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,libssl3,tzdata \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook='chroot "$1" groupadd --gid 1654 app' \
    --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --home-dir /home/app --create-home --shell /usr/sbin/nologin app' \
    --customize-hook='mkdir -p "$1/var/lib/herald" && chown 1654:1654 "$1/var/lib/herald" && chmod 700 "$1/var/lib/herald"' \
    --customize-hook='rm -rf "$1/var/lib/apt/lists/"* "$1/var/cache/apt/"* "$1/var/log/"*' \
    bookworm "$work/rootfs.tar"
  echo "base root file system: $(du -h "$work/rootfs.tar" | cut -f1) ($((SECONDS - start)) s)"

  umoci init --layout "$work/oci"
  umoci new --image "$work/oci:base"
  umoci raw add-layer --image "$work/oci:base" "$work/rootfs.tar"
  umoci config --image "$work/oci:base" --os linux --architecture amd64 \
    --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

  # A registry on loopback for the SDK to pull the base from, gone when the script ends.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$work/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$port
YAML
  docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done
  skopeo copy --quiet --dest-tls-verify=false "oci:$work/oci:base" "docker://127.0.0.1:$port/herald-base:bookworm"
  BASE_IMAGE="127.0.0.1:$port/herald-base:bookworm"
  export DOTNET_CONTAINER_INSECURE_REGISTRIES="127.0.0.1:$port"
  echo "base image: $BASE_IMAGE ($((SECONDS - start)) s)"
fi

dotnet publish src/Herald.Cli/Herald.Cli.csproj -c Release -r linux-x64 --self-contained \
  -t:PublishContainer -p:ContainerBaseImage="$BASE_IMAGE" -p:ContainerArchiveOutputPath="$archive"
echo "image archive: $archive ($(du -h "$archive" | cut -f1), $((SECONDS - start)) s in all)"
