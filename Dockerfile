# The server image used by docker-compose.yml. Build: docker build -t next-of-kin .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
ENV SCARF_ANALYTICS=false
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 UPLOAD_DIR=/var/lib/next-of-kin/uploads DATA_DIR=/var/lib/next-of-kin/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/next-of-kin && chown node:node /var/lib/next-of-kin
USER node
EXPOSE 3000
CMD ["node", "dist/apps/server/src/main.js"]
