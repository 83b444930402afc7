// What a customer sees for a link that is wrong, was rotated, or names a draft: nothing about
// whether such a document exists, and no way into the staff console.
const DocumentNotFound = () => (
  <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
    <h1 className="text-xl font-semibold text-ink-900">This link does not work</h1>
    <p className="max-w-md text-sm text-ink-600">
      The address may be incomplete, or the link was replaced by a newer one. Ask the sender for the current link.
    </p>
  </main>
);

export default DocumentNotFound;
