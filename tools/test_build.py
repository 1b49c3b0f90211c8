"""wasm-pack.toml takes effect: a setting changed there changes what tools/build.py does."""

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def plan(config_text: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as handle:
        handle.write(config_text)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build.py"), "--config", handle.name, "--plan"],
        capture_output=True, text=True,
    )
    Path(handle.name).unlink()
    return result.stdout + result.stderr


class WasmPackTomlTakesEffect(unittest.TestCase):
    def test_committed_config_plans_both_targets(self):
        steps = plan((ROOT / "wasm-pack.toml").read_text())
        self.assertIn("--target web", steps)
        self.assertIn("--target nodejs", steps)
        self.assertIn("--release", steps)

    def test_profile_target_folder_and_level_come_from_the_file(self):
        steps = plan('profile = "dev"\n[targets.nodejs]\nout-dir = "target/elsewhere"\n'
                     '[wasm-opt]\nenabled = true\nlevel = "-O2"\n')
        self.assertIn("--dev", steps)
        self.assertNotIn("--target web", steps)
        self.assertIn(str(ROOT / "target/elsewhere"), steps)
        if "wasm-opt -O2" not in steps:
            self.assertIn("none can run here", steps)

    def test_opt_level_applies_to_the_wasm_build_only(self):
        steps = plan('opt-level = "s"\n[targets.web]\n')
        self.assertIn('-- --config profile.release.opt-level="s"', steps)
        self.assertIn("opt-level must be", plan('opt-level = "fast"\n[targets.web]\n'))

    def test_wasm_opt_can_be_switched_off(self):
        steps = plan('[targets.web]\nout-dir = "www/pkg"\n[wasm-opt]\nenabled = false\n')
        self.assertNotIn("wasm-opt", steps)

    def test_bad_settings_are_refused(self):
        self.assertIn("profile must be one of", plan('profile = "fast"\n[targets.web]\n'))
        self.assertIn("not a wasm-opt optimisation flag", plan('[targets.web]\n[wasm-opt]\nlevel = "-O9"\n'))


if __name__ == "__main__":
    unittest.main()
