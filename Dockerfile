# choucha's image: the CLI on Node 24 LTS with Debian's Chromium and a CJK font.
#   docker build -t choucha:local .
#   docker run --rm choucha:local --help
# Playwright drives Debian's /usr/bin/chromium: no browser is ever downloaded, here or at run time.
# README.md, "Beyond one machine", runs it with PostgreSQL and workers (compose.yaml).

# Build stage: the native addons (better-sqlite3, libpq) compile with node-gyp, which needs python3,
# make, g++ and libpq's headers and pg_config (libpq-dev). None of that reaches the runtime image.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ libpq-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# node-gyp builds against the headers this Node ships in /usr/local/include/node instead of fetching
# them from nodejs.org, which not every office network reaches.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json .npmrc ./
# Dependencies in their own layer, so an edit to src/ does not compile the addons again. The project's
# own postinstall (the bundle) needs src/, so scripts are run per package, then the bundle below.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 libpq esbuild
COPY bin/ bin/
COPY scripts/build.mjs scripts/build.mjs
COPY src/ src/
COPY rules/ rules/
# dist/ is written after src/ is in place: bin/choucha.js runs the bundle only while it is newer
# than every file under src/.
RUN node scripts/build.mjs

# Runtime stage: libpq's shared library, Chromium and fonts-wqy-microhei (Chinese text in screenshots),
# tini as PID 1 (it passes SIGTERM on to choucha and reaps Chromium's exited processes).
FROM node:24-bookworm-slim
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    libpq5 chromium fonts-wqy-microhei ca-certificates tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  CHOUCHA_CHROMIUM=/usr/bin/chromium \
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /app
# What choucha reads at run time, from the project root (src/paths.ts): package.json (the
# User-Agent's version), rules/ (editions, lexicons, calendar), src/store/migrations*/ (and src/ as a
# whole, against which bin/choucha.js checks that dist/ is current), dist/ and node_modules/.
# Owned by root and read-only to the user choucha runs as.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules/ node_modules/
COPY --from=build /app/bin/ bin/
COPY --from=build /app/src/ src/
COPY --from=build /app/rules/ rules/
COPY --from=build /app/dist/ dist/
# A stale bundle would make every start compile the source through tsx: fail the build instead.
# Files only, as bin/choucha.js compares them: COPY --from gives src/ itself the copy's time.
RUN [ -z "$(find src -type f \( -newer dist/choucha.mjs -o -newer dist/parse-worker.mjs \) -print -quit)" ] \
  || { echo 'dist/ is older than src/: bin/choucha.js would run from source' >&2; exit 1; }
RUN ln -s /app/bin/choucha.js /usr/local/bin/choucha \
  && mkdir /data && chown node:node /data
# The node image's unprivileged user (uid 1000). /data holds a SQLite database, registries and
# reports when no other directory is given; compose.yaml mounts ./data there.
USER node
WORKDIR /data
ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/bin/choucha.js"]
CMD ["--help"]
