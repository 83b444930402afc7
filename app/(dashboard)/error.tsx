"use client";
// Unexpected failures: a plain message and the reference that finds the logged stack.
import { Button } from "@/components/ui/button";

const DashboardError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
    <h1 className="text-base font-semibold text-red-900">This page could not be shown</h1>
    <p className="mt-2 text-sm text-red-900">
      Something went wrong on our side, or you do not have access to this page.
      {error.digest ? ` Reference: ${error.digest}` : null}
    </p>
    <Button className="mt-4" variant="secondary" onClick={reset}>
      Try again
    </Button>
  </div>
);

export default DashboardError;
