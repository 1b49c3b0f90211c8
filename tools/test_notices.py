"""THIRD_PARTY_NOTICES.md lists what the packages compile in now (tools/notices.py)."""

import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class NoticesTest(unittest.TestCase):
    def test_the_notices_are_current(self):
        result = subprocess.run([sys.executable, "tools/notices.py", "--check"], cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_every_package_ships_the_licence_and_the_notices(self):
        for link in ("python/LICENSE", "python/THIRD_PARTY_NOTICES.md"):
            self.assertEqual((ROOT / link).read_text(encoding="utf-8"), (ROOT / Path(link).name).read_text(encoding="utf-8"), link)
        npm = (ROOT / "tools" / "npm_package.mjs").read_text(encoding="utf-8")
        for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
            self.assertIn(name, npm, f"the npm package build does not copy {name}")


if __name__ == "__main__":
    unittest.main()
