// Next.js calls register() once when a server process starts: the background jobs (wallet credit
// expiry) start with the app, on its own PostgreSQL, and stop with it.
export async function register() {
  // Next inlines NEXT_RUNTIME per bundle: the edge build drops this branch, and pg-boss with it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobsWithApp } = await import("@/lib/jobs/boss");
    await startJobsWithApp();
  }
}
