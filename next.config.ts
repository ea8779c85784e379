import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages with WASM or native parts are loaded by Node at run time, never bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
    "@audio/decode",
  ],
  poweredByHeader: false,
  // No gzip in the Node process: it serves the page, the API and the database
  // from one event loop, and compressing every script on each request delayed
  // an hour-long recording's editor by ~0.2 s on 2 cores for bytes that only
  // matter across a slow network. A reverse proxy in front of a shared
  // server can compress.
  compress: false,
  // `npm test` typechecks the whole project; repeating it in every build would
  // double the first `npm start` on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // The workbench is served by our own server (lib/cli/serve-workbench.ts); no telemetry, no remote images.
  images: { unoptimized: true },
};

export default nextConfig;
