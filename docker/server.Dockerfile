# PeerPath: API and web client in one image. Build from the repository root:
#   docker build -f docker/server.Dockerfile -t peerpath .
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PNPM="npx -y pnpm@12.4.2"
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN $PNPM install --frozen-lockfile
COPY shared shared
COPY server server
COPY client client
RUN $PNPM build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npx -y pnpm@12.4.2 install --frozen-lockfile --prod --filter @peerpath/server... \
 && rm -rf /root/.npm /root/.cache

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 CLIENT_DIST=/app/client/dist DEMO_DATA=false
COPY --from=deps --chown=node:node /app /app
COPY --from=build --chown=node:node /app/shared/dist shared/dist
COPY --from=build --chown=node:node /app/server/dist server/dist
COPY --from=build --chown=node:node /app/client/dist client/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Migrations run on start, one replica at a time (an advisory lock serialises them).
CMD ["node", "server/dist/main.js"]
