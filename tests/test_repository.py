"""A fresh clone works on a fresh machine: nothing tracked points at the machine it was written on.

Standard library only: `.ci/fresh-clone` runs this file with plain Python before setup, so CI fails
in seconds instead of after the install.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Patterns are assembled from pieces so that this file does not match itself.
LOCAL_PATH = re.compile(r"(?<![\w.~-])/(?:tmp|root|home|work)(?![\w.-])|file:" + "//")
SIBLING = re.compile(re.escape(".." + "/shared"))
DIRECT_REFERENCE = re.compile(r"""^\s*"?[A-Za-z0-9_.\-\[\]]+\s*@\s*\S""", re.MULTILINE)
PACKAGES = (".whl", ".egg")
BINARY_PROBE = 8192


def tracked() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in out.decode().split("\0") if name and (ROOT / name).is_file()]


def _text(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:BINARY_PROBE]:
        return None
    return data.decode("utf-8", "replace")


def _hits(pattern: re.Pattern[str], paths: list[Path]) -> list[str]:
    hits = []
    for path in paths:
        text = _text(path)
        if text is None:
            continue
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            hits.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r}")
    return hits


def test_no_tracked_file_points_at_a_local_path() -> None:
    hits = _hits(LOCAL_PATH, tracked())
    assert not hits, "local absolute paths or file URLs in tracked files:\n" + "\n".join(hits)


def test_no_package_files_are_committed() -> None:
    found = [str(p.relative_to(ROOT)) for p in tracked() if p.name.endswith(PACKAGES)]
    assert not found, f"built packages are committed: {found}"


def test_pins_name_registry_versions_only() -> None:
    pins = [ROOT / "constraints.txt", ROOT / "pyproject.toml"]
    hits = _hits(DIRECT_REFERENCE, pins)
    assert not hits, "direct references (name @ URL) instead of registry versions:\n" + "\n".join(hits)


def test_nothing_reads_a_sibling_folder() -> None:
    """Tests, benchmarks and the Makefile use samples/ in the repository, never a sibling checkout folder."""
    hits = _hits(SIBLING, tracked())
    assert not hits, "references to a folder outside the repository:\n" + "\n".join(hits)


def main() -> int:
    failed = 0
    for name, check in sorted(globals().items()):
        if name.startswith("test_") and callable(check):
            try:
                check()
            except AssertionError as exc:
                failed += 1
                print(f"FAILED {name}: {exc}", file=sys.stderr)
    print(f"repository checks: {'failed' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
