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
  // `npm test` typechecks the whole project; repeating it in every build would
  // double the first `npm start` on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // The workbench is served by our own server (lib/cli/serve-workbench.ts); no telemetry, no remote images.
  images: { unoptimized: true },
};

export default nextConfig;
