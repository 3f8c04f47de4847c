# cancu: GraphQL API + web UI. Build: docker build -t cancu .   (see docker-compose.yml)
# Stage 1: install everything (native better-sqlite3 may compile) and build the web UI.
FROM node:22-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm prune --omit=dev

# Stage 2: runtime (TypeScript sources run through tsx, a runtime dependency).
FROM node:22-slim
ENV NODE_ENV=production \
    PORT=4000 \
    CANCU_DATA=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/web/dist ./web/dist
COPY package.json schema.graphql tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY ingest ./ingest
COPY graph ./graph
COPY samples ./samples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/graphql?query=%7B__typename%7D',{headers:{'apollo-require-preflight':'1'}}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/cancu.js", "serve"]
