import type { Metadata } from "next";
import localFont from "next/font/local";
import "./globals.css";

// Inter ships inside the @fontsource/inter npm package: no network at build or run time.
const inter = localFont({
  src: [
    { path: "../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/inter/files/inter-latin-500-normal.woff2", weight: "500", style: "normal" },
    { path: "../node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Billfold", template: "%s · Billfold" },
  description: "Billing console for finance teams",
  robots: { index: false, follow: false },
};

const RootLayout = ({ children }: { children: React.ReactNode }) => (
  <html lang="en" className={inter.variable}>
    <body className="min-h-screen font-sans">{children}</body>
  </html>
);

export default RootLayout;
