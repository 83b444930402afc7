"use client";
// The address the app is served at: the configured public one (APP_URL), else the one this page was
// opened at. Unknown while rendering on the server, where it is the configured one or "".
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

export const useOrigin = (appUrl: string | null): string =>
  useSyncExternalStore(
    noSubscription,
    () => appUrl ?? window.location.origin,
    () => appUrl ?? "",
  );
