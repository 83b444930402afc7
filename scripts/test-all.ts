// `npm test`: lint, format, type-check, unit, integration and end-to-end tests, in that order.
// Every stage runs even when an earlier one fails, so one run shows everything that is wrong;
// the last line is `N passed, N failed` and the exit code is non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");

type Stage = { name: string; passed: number; failed: number; seconds: number };

const run = (command: string, args: string[]) => {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "1" } });
  return { ok: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
};

const readJson = <T>(file: string): T | undefined => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
};

const check = (name: string, command: string, args: string[]): Stage => {
  const { ok, seconds } = run(command, args);
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds };
};

const vitest = (project: "unit" | "integration"): Stage => {
  const output = path.join(results, `${project}.json`);
  fs.rmSync(output, { force: true });
  const { ok, seconds } = run(bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(output);
  if (!report) return { name: project, passed: 0, failed: 1, seconds };
  // A suite that fails to load has no failed test but a failed run: count it.
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  return { name: project, passed: report.numPassedTests, failed, seconds };
};

const e2e = (): Stage => {
  const output = path.join(results, "e2e-results.json");
  fs.rmSync(output, { force: true });
  const { ok, seconds } = run(bin("tsx"), [path.join(root, "scripts", "e2e.ts")]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  if (!report) return { name: "e2e", passed: 0, failed: 1, seconds };
  const failed = report.stats.unexpected + report.stats.flaky + (ok || report.stats.unexpected > 0 ? 0 : 1);
  return { name: "e2e", passed: report.stats.expected, failed, seconds };
};

fs.mkdirSync(results, { recursive: true });
const stages: Stage[] = [
  check("eslint", bin("eslint"), [".", "--max-warnings=0"]),
  check("prettier", bin("prettier"), ["--check", "."]),
  check("typecheck", bin("tsc"), ["--noEmit"]),
  vitest("unit"),
  vitest("integration"),
  e2e(),
];

process.stdout.write("\nSummary\n");
for (const stage of stages) {
  process.stdout.write(
    `  ${stage.name.padEnd(12)} ${stage.passed} passed, ${stage.failed} failed (${stage.seconds} s)\n`,
  );
}
const passed = stages.reduce((sum, stage) => sum + stage.passed, 0);
const failed = stages.reduce((sum, stage) => sum + stage.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
