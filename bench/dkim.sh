#!/usr/bin/env bash
# DKIM signing micro benchmark (Release): MimeKit's stock RSA signer vs Herald's .NET RSA signer vs ed25519.
# Usage: bench/dkim.sh [seconds per case, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/Herald.Bench.Dkim -- "$@"
