import Link from "next/link";

const NotFound = () => (
  <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
    <h1 className="text-xl font-semibold text-ink-900">Page not found</h1>
    <p className="text-sm text-ink-600">The address may be wrong, or the document is not yours to see.</p>
    <Link href="/" className="text-sm text-brand-700 hover:underline">
      Back to the overview
    </Link>
  </main>
);

export default NotFound;
