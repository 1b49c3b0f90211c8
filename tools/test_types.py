"""www/report.d.ts (re-exported by www/types.d.ts) and schema/report.schema.json describe the same report.

The schema is generated from src/report.rs (tests/schema.rs keeps it current); the TypeScript
types are written by hand for the page and for the `.d.ts` that wasm-pack generates (src/wasm.rs
includes them). This test reads both and fails on any difference in type names, property
names, property types, nullability or enum values, so the hand-written file cannot drift; and
it checks that the package tools/build.py wrote (www/pkg) types its exports with them.
"""

import json
import re
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema" / "report.schema.json"
TYPES = ROOT / "www" / "report.d.ts"


def strip_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return re.sub(r"//[^\n]*", "", source)


def typescript_declarations(source: str) -> dict:
    """`{name: {"union": [...]}}` for string-literal types, `{name: {"props": {prop: type}}}` for
    interfaces; types are normalised to one spelling (`number[] | null`)."""
    source = strip_comments(source)
    declarations = {}
    for name, body in re.findall(r"export type (\w+)\s*=\s*([^;]+);", source):
        declarations[name] = {"union": sorted(re.findall(r'"([^"]*)"', body))}
    for name, body in re.findall(r"export interface (\w+)\s*\{(.*?)\n\}", source, flags=re.S):
        props = {}
        for prop, optional, kind in re.findall(r"^\s*\"?([\w-]+)\"?(\??):\s*([^;]+);", body, flags=re.M):
            props[prop] = normalise(kind) + ("?" if optional else "")
        declarations[name] = {"props": props}
    return declarations


def normalise(kind: str) -> str:
    parts = sorted(part.strip() for part in kind.split("|"))
    return " | ".join(parts)


def schema_type(prop: dict) -> str:
    """The TypeScript spelling of one schema property."""
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return normalise(" | ".join(schema_type(p) for p in prop["anyOf"]))
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    names = []
    for kind in kinds:
        if kind in ("integer", "number"):
            names.append("number")
        elif kind == "array":
            item = schema_type(prop["items"])
            names.append(f"({item})[]" if "|" in item else f"{item}[]")
        else:
            names.append(kind)
    return normalise(" | ".join(names))


def schema_declarations(schema: dict) -> dict:
    definitions = dict(schema["$defs"])
    definitions["Report"] = {k: schema[k] for k in ("type", "properties", "required")}
    declarations = {}
    for name, definition in definitions.items():
        if "oneOf" in definition or "enum" in definition:
            values = definition.get("enum") or [option["const"] for option in definition["oneOf"]]
            declarations[name] = {"union": sorted(values)}
        else:
            declarations[name] = {"props": {prop: schema_type(p) for prop, p in definition["properties"].items()}}
    return declarations


class TypesMatchTheSchema(unittest.TestCase):
    def setUp(self):
        self.schema = schema_declarations(json.loads(SCHEMA.read_text()))
        self.types = typescript_declarations(TYPES.read_text())

    def test_every_schema_type_is_declared_alike(self):
        for name, expected in sorted(self.schema.items()):
            with self.subTest(type=name):
                self.assertIn(name, self.types, f"www/report.d.ts lacks {name}")
                self.assertEqual(self.types[name], expected)

    def test_the_page_types_re_export_the_contract(self):
        self.assertIn('export * from "./report";', (ROOT / "www" / "types.d.ts").read_text())

    def test_the_generated_package_is_typed_from_the_contract(self):
        declarations = (ROOT / "www" / "pkg" / "crosscheck.d.ts").read_text()
        self.assertIn("export interface Report {", declarations)
        for signature in (
            "export function compare(articles: Article[], options?: Options | null): Report;",
            "export function defaultOptions(): Required<Options>;",
            "export function toMarkdown(report: Report): string;",
            "export function toCsv(report: Report): string;",
        ):
            self.assertIn(signature, declarations)
        exports = [line for line in declarations.splitlines() if line.startswith("export function ")]
        self.assertTrue(exports)
        self.assertEqual([line for line in exports if "any" in line], [])

    def test_the_reader_sees_what_it_must(self):
        self.assertEqual(self.types["Role"]["union"], sorted(["title", "heading", "body", "boilerplate", "offtopic"]))
        self.assertEqual(self.types["Claim"]["props"]["fact"], "null | number")
        self.assertEqual(self.types["Sentence"]["props"]["facts"], "number[]")
        self.assertEqual(self.schema["Report"]["props"]["similarity"], "number[][]")
        self.assertEqual(self.types["Options"]["props"]["minFactScore"], "number?")


if __name__ == "__main__":
    unittest.main()
