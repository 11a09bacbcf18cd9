/**
 * Prints the last line of a CI run: "N passed, N failed" across every suite, from the
 * JSON reports of vitest and Playwright. Usage: node scripts/test-summary.mjs <npm test exit code>
 */
import fs from "node:fs";

const exitCode = Number(process.argv[2] ?? 0);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

let passed = 0;
let failed = 0;
const unit = read("test-reports/unit.json");
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
const e2e = read("test-reports/e2e.json");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
// A red run whose reports show no failure failed before or between suites (typecheck, lint, a crash).
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
