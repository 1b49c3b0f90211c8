// The npm package in node: installs target/packages/crosscheck-VERSION.tgz into a fresh
// project, imports `crosscheck` there as a user would, and runs the README's example.
//
//   node --test www/e2e/package-node.test.mjs      (after node tools/npm_package.mjs)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ARTICLES, ROOT, installedProject, tarball } from "./package-helpers.mjs";

const { path: TGZ, version: VERSION } = tarball();
/** @type {string} */
let project;

before(() => {
  const started = Date.now();
  project = installedProject(TGZ);
  console.log(`# npm install of the tarball: ${Date.now() - started} ms`);
});
after(() => rmSync(project, { recursive: true, force: true }));

/**
 * Runs an ES module in the project (so `crosscheck` resolves through its node_modules).
 * @param {string} source
 * @returns {string} what it printed
 */
function run(source) {
  const file = join(project, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  try {
    return execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const failure = /** @type {any} */ (error);
    throw new Error(`node ${file} failed:\n${failure.stdout}${failure.stderr}`);
  }
}

/** The code blocks marked `<!-- run by www/e2e/package-node.test.mjs -->` in a README. @param {string} file */
const markedExamples = (file) =>
  [...readFileSync(file, "utf8").matchAll(/<!-- run by www\/e2e\/package-node\.test\.mjs -->\n```js\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Runs one README example, which prints `version sources facts conflicts` and then Markdown. @param {string} example */
function assertExampleRuns(example) {
  const [first, ...markdown] = run(example).split("\n");
  const [version, sources, facts, conflicts] = first.split(" ");
  assert.equal(version, VERSION);
  assert.equal(sources, "2");
  assert.ok(Number(facts) >= 1, `facts: ${facts}`);
  assert.ok(Number(conflicts) >= 1, `conflicts: ${conflicts}`);
  assert.match(markdown.join("\n"), /^#/m, "toMarkdown printed no Markdown heading");
}

test("the package README's example runs as written", () => {
  const examples = markedExamples(join(project, "node_modules", "crosscheck", "README.md"));
  assert.equal(examples.length, 1, "the package README has no example marked as run by this test");
  assertExampleRuns(examples[0]);
});

test("the repository README's npm examples (the blocks marked for this test) run as written", () => {
  for (const example of markedExamples(join(ROOT, "README.md"))) assertExampleRuns(example);
});

test("import { compare } from 'crosscheck': the report's sources and facts, version()", () => {
  const out = JSON.parse(
    run(`
      import { compare, defaultOptions, decodeFile, toCsv, toMarkdown, version } from "crosscheck";
      const report = compare(${JSON.stringify(ARTICLES)});
      console.log(JSON.stringify({
        version: version(),
        schemaVersion: report.schemaVersion,
        sources: report.sources.map((s) => s.name),
        facts: report.facts.map((f) => f.sources),
        conflicts: report.conflicts.map((c) => c.kind),
        defaults: defaultOptions(),
        csv: toCsv(report).split("\\n")[0],
        markdown: toMarkdown(report).length,
        decoded: decodeFile(new TextEncoder().encode("\\ufeffHello."), "a.txt"),
      }));
    `),
  );
  assert.equal(out.version, VERSION);
  assert.equal(out.schemaVersion, 2);
  assert.deepEqual(out.sources, ["wire.txt", "daily.txt"]);
  assert.ok(out.facts.length >= 2, `facts: ${JSON.stringify(out.facts)}`);
  for (const sources of out.facts) assert.deepEqual(sources, [0, 1]);
  assert.ok(out.conflicts.includes("quantity"), `conflicts: ${out.conflicts}`);
  assert.equal(typeof out.defaults.minFactScore, "number");
  assert.ok(out.csv.length > 0 && out.markdown > 0);
  assert.equal(out.decoded, "Hello.");
});

test("a misspelt option throws, naming the key", () => {
  const message = run(`
    import { compare } from "crosscheck";
    try {
      compare(${JSON.stringify(ARTICLES)}, { minFactScor: 0.9 });
      console.log("no error");
    } catch (error) {
      console.log(error instanceof Error ? error.message : "not an Error: " + String(error));
    }
  `);
  assert.match(message, /minFactScor/);
});

test("the types: both entries type-check from a TypeScript project (nodenext and bundler resolution)", () => {
  writeFileSync(
    join(project, "check.ts"),
    `import { compare, defaultOptions, type Report, type Options } from "crosscheck";
import { CrossCheckElement } from "crosscheck/element";
const options: Options = { minFactScore: defaultOptions().minFactScore };
const report: Report = compare([{ name: "a", text: "A." }, { name: "b", text: "B." }], options);
const facts: number = report.facts.length;
const element: CrossCheckElement | null = document.querySelector("cross-check");
element?.addEventListener("cross-check-report", (event) => event.detail.report.sources.length);
const view: string | undefined = element?.view;
// @ts-expect-error: not an option
compare([], { minFactScor: 0.9 });
export { facts, view };
`,
  );
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  for (const [module, resolution] of [["nodenext", "nodenext"], ["esnext", "bundler"]]) {
    try {
      execFileSync(
        tsc,
        ["--noEmit", "--strict", "--target", "es2022", "--module", module, "--moduleResolution", resolution, "--lib", "es2023,dom", "--types", "", "check.ts"],
        { cwd: project, encoding: "utf8", stdio: "pipe" },
      );
    } catch (error) {
      assert.fail(`tsc (${resolution}) failed:\n${/** @type {any} */ (error).stdout}${/** @type {any} */ (error).stderr}`);
    }
  }
});

test("a missing wasm file fails the import with an error naming the file", () => {
  const wasm = join(project, "node_modules", "crosscheck", "pkg", "crosscheck_bg.wasm");
  renameSync(wasm, `${wasm}.away`);
  try {
    const message = run(`
      try {
        await import("crosscheck");
        console.log("imported");
      } catch (error) {
        console.log(error.message);
      }
    `);
    assert.match(message, /crosscheck: cannot read its WebAssembly file file:\/\/.*\/node_modules\/crosscheck\/pkg\/crosscheck_bg\.wasm \(ENOENT\)/);
  } finally {
    renameSync(`${wasm}.away`, wasm);
  }
});
