# syntax=docker/dockerfile:1
# The workers as a production image: built on Node 24 LTS, run as compiled JavaScript (the bundles
# of `npm run build`) with production dependencies only, as an unprivileged user.
#
#   docker build --target runtime -t ceasefire-watch .     # the workers (ingester, classifier, alerting, api)
#   docker build --target setup -t ceasefire-watch-setup . # one-shot: topics and migrations (the CLI)
#
# docker-compose.yml builds and runs both; see README "Deployment".

ARG NODE_IMAGE=node:24-bookworm-slim

# Every workspace's manifest first, so the dependency layers are rebuilt only when one changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/alerting/package.json packages/alerting/
COPY packages/classify/package.json packages/classify/
COPY packages/cli/package.json packages/cli/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/extraction/package.json packages/extraction/
COPY packages/ingest/package.json packages/ingest/
COPY packages/runtime/package.json packages/runtime/
COPY packages/stack/package.json packages/stack/
COPY services/alerting/package.json services/alerting/
COPY services/api/package.json services/api/
COPY services/classifier/package.json services/classifier/
COPY services/ingester/package.json services/ingester/

# All dependencies (the build and the CLI need the development ones). No install scripts: nothing
# the workers use compiles at install time, and esbuild's binary comes as an optional dependency.
FROM manifests AS deps
RUN npm ci --ignore-scripts --no-audit --no-fund

# The bundles: services/<name>/dist/main.js.
FROM deps AS build
COPY . .
RUN npm run build

# One-shot set-up job: topics from the catalog and the migrations (TypeScript, through the CLI).
FROM build AS setup
USER node
ENTRYPOINT ["npx", "--no-install", "ceasefire"]
CMD ["--help"]

# Production dependencies only, for the runtime image.
FROM manifests AS prod-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HEALTH_PORT=9100
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./
# Each service's manifest ("type": "module") beside its bundle.
COPY --from=build /app/services/ingester/package.json services/ingester/
COPY --from=build /app/services/ingester/dist services/ingester/dist
COPY --from=build /app/services/classifier/package.json services/classifier/
COPY --from=build /app/services/classifier/dist services/classifier/dist
COPY --from=build /app/services/alerting/package.json services/alerting/
COPY --from=build /app/services/alerting/dist services/alerting/dist
COPY --from=build /app/services/api/package.json services/api/
COPY --from=build /app/services/api/dist services/api/dist
USER node
# /readyz: 200 once the worker's consumer or listener is up and its database and broker answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9100)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: the worker finishes its batch, commits, leaves its group and exits (SHUTDOWN_TIMEOUT_MS).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "--enable-source-maps"]
CMD ["services/ingester/dist/main.js"]
