# Production image. It runs exactly what `npm start` runs (node --import tsx server/main.ts) with
# NODE_ENV=production and only production dependencies, as a non-root user.

# 1. Production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 2. Verify: full install, type check, schema freshness. Nothing from this stage ships.
FROM node:20-bookworm-slim AS verify
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck

# 3. Runtime.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    SECRETS_DATA_DIR=/var/lib/secrets
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=verify /app/package.json ./
COPY --from=verify /app/tsconfig.json ./
COPY --from=verify /app/server ./server
COPY --from=verify /app/schema ./schema
COPY --from=verify /app/resolvers ./resolvers
COPY --from=verify /app/rules ./rules
COPY --from=verify /app/models ./models
COPY --from=verify /app/jobs ./jobs
COPY --from=verify /app/services ./services
COPY --from=verify /app/crypto ./crypto
COPY --from=verify /app/events ./events
COPY --from=verify /app/identity ./identity
COPY --from=verify /app/lib ./lib
COPY --from=verify /app/operations/generated ./operations/generated
RUN mkdir -p /var/lib/secrets && chown node:node /var/lib/secrets
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--enable-source-maps", "--import", "tsx", "server/main.ts"]
