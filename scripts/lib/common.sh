#!/usr/bin/env bash
# What every script starts with: ROOT, the checkout's root, and the steps all scripts share: usage and options
# (cli.sh) and the jars they run (build.sh). Source it, directly or through aws-common.sh or local-endpoint.sh:
#
#   # shellcheck source=scripts/lib/common.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ -z "${ROOT:-}" ]]; then
    ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    readonly ROOT
fi
# shellcheck source=scripts/lib/cli.sh
source "${ROOT}/scripts/lib/cli.sh"
# shellcheck source=scripts/lib/build.sh
source "${ROOT}/scripts/lib/build.sh"
