// Shared by the npm package tests: where the tarball is, and a fresh project that installs it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The tarball tools/npm_package.mjs writes for Cargo.toml's version; exits when it is missing. */
export function tarball() {
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))?.[1];
  const path = join(ROOT, "target", "packages", `crosscheck-${version}.tgz`);
  if (!existsSync(path)) {
    console.error(`package tests: ${path} is missing; run node tools/npm_package.mjs first`);
    process.exit(1);
  }
  return { path, version };
}

/**
 * A new project in a temporary folder with the tarball installed (`npm install FILE`, no
 * registry: the package has no dependencies).
 * @param {string} tgz
 * @returns {string} the project folder
 */
export function installedProject(tgz) {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-package-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "uses-crosscheck", private: true, type: "module" }, null, 2));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", tgz], { cwd: dir, stdio: "pipe" });
  return dir;
}

/** Two short articles that share facts and disagree on a number. */
export const ARTICLES = [
  {
    name: "wire.txt",
    text: "The Kharzin dam failed on Tuesday night, officials said. About 1,200 people were evacuated from villages downstream. Mayor Irena Szabat said the water rose within an hour.",
  },
  {
    name: "daily.txt",
    text: "The dam at Kharzin failed late on Tuesday, according to officials. More than 1,500 people were evacuated from the villages downstream. Irena Szabat, the mayor, said the water rose within an hour.",
  },
];
