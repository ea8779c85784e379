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
  ],
  poweredByHeader: false,
  // The workbench is served by our own server (scripts/serve.ts); no telemetry, no remote images.
  images: { unoptimized: true },
};

export default nextConfig;
