"""`assistant people`: the directory and enrolment from the command line, on a real database and real clips."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from assistant.cli import _enrolled_people, main
from assistant.config import Settings, ServiceSettings
from bench.datasets import EVAL
from tests.conftest import SAMPLE, ffmpeg

CLIP_A = EVAL / "asr" / "gd0046360_472330_486480.wav"  # 14 s, one speaker
CLIP_B = EVAL / "asr" / "gd0048640_305540_318390.wav"  # 13 s, another speaker


def people(data, *args):
    result = CliRunner().invoke(main, ["people", *args, "--data-dir", str(data)])
    return result


def test_directory_and_enrolment(tmp_path):
    data = tmp_path / "data"
    added = people(data, "add", "陳大文", "--alias", "陳生", "--alias", "Peter Chan", "--role", "市場部")
    assert added.exit_code == 0, added.output
    enrolled = people(data, "enrol", "陳生", str(CLIP_A), "--consent-by", "admin")
    assert enrolled.exit_code == 0, enrolled.output
    assert "陳大文: voiceprint from gd0046360_472330_486480.wav" in enrolled.output

    folder = tmp_path / "voices"
    (folder / "Mary Wong").mkdir(parents=True)
    shutil.copy(CLIP_B, folder / "Mary Wong" / "one.wav")
    both = folder / "Two People.wav"
    ffmpeg("-i", str(SAMPLE), "-ss", "0.5", "-to", "15.5", str(both))
    result = people(data, "enrol-folder", str(folder), "--consent-by", "admin")
    assert result.exit_code == 0, result.output
    assert "added Mary Wong to the directory" in result.output and "1 voiceprints for 2 people" in result.output
    assert "refused: Two People.wav: 2 voices were heard" in result.output

    listing = people(data, "list").output
    assert "陳大文 (陳生, Peter Chan)  市場部  voiceprints: 1" in listing and "Mary Wong" in listing

    settings = Settings(service=ServiceSettings(data_dir=data))
    directory = _enrolled_people(settings)
    assert sorted(p.name for p in directory) == ["Mary Wong", "陳大文"]
    assert all(len(p.vectors) == 1 and p.vectors[0].shape == (192,) for p in directory)

    assert people(data, "remove", "Peter Chan").exit_code == 0
    assert [p.name for p in _enrolled_people(settings)] == ["Mary Wong"]
    missing = people(data, "remove", "Nobody")
    assert missing.exit_code != 0 and "nobody called Nobody" in missing.output


def test_process_without_a_service_database_names_nobody(tmp_path):
    settings = Settings(service=ServiceSettings(data_dir=tmp_path / "none"))
    assert _enrolled_people(settings) == []
    assert not (tmp_path / "none").exists()  # looking did not create a database
