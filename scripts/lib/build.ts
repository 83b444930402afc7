// Builds the production app only when its sources changed since the last build (a content hash
// of what the build is made from, kept in .next/).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../lib/db/runtime";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "instrumentation.ts"];
const CONFIGS = ["package.json", "next.config.js", "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json"];

export const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");

const sourceHash = (): string => {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(projectRoot, relative);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      if (relative === path.join("lib", "db", "generated")) return;
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
      return;
    }
    if (/\.test\.tsx?$/.test(relative)) return;
    hash.update(relative);
    hash.update(fs.readFileSync(full));
  };
  for (const entry of [...SOURCES, ...CONFIGS]) visit(entry);
  return hash.digest("hex");
};

let building: ChildProcess | undefined;

/** Stops a build in progress (on Ctrl-C or SIGTERM during the first start). */
export const stopBuild = () => {
  if (building && building.exitCode === null) building.kill("SIGTERM");
};

export const ensureBuild = async (say: (line: string) => void): Promise<void> => {
  const stampFile = path.join(projectRoot, ".next", "billfold-source-hash");
  const current = sourceHash();
  const built = fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID")) && fs.existsSync(stampFile);
  if (built && fs.readFileSync(stampFile, "utf8") === current) return;
  say("Building the production app (first start, or the sources changed)…");
  const started = Date.now();
  // Asynchronous, so signal handlers still run while the build does.
  const child = spawn(nextBin, ["build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  building = child;
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  building = undefined;
  if (code !== 0) throw new Error("next build failed: see the output above.");
  fs.writeFileSync(stampFile, current);
  say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
};

export const waitForHttp = async (url: string, isAlive: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
};
