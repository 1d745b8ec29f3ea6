"""`assistant dingtalk push minutes.json`: the per-item report, and a second data folder finding
the to-dos already there (no duplicates)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.minutes import ActionItem
from tests.dingtalk.fake_server import FakeDingTalk
from tests.dingtalk.fault_scenario import _settings
from tests.service.conftest import make_minutes


@pytest.mark.timeout(90)
def test_push_a_minutes_file_twice_from_two_data_folders(fake: FakeDingTalk, tmp_path) -> None:
    minutes = make_minutes()
    minutes.action_items = [ActionItem("Peter Chan", "交市場計劃書", "2026-11-27", "sms", 1),
                            ActionItem("Mary", "同財務部傾預算", None, "app", 3)]
    path = tmp_path / "weekly" / "minutes.json"
    path.parent.mkdir()
    path.write_text(minutes.to_json(), encoding="utf-8")

    def push(data_dir: str) -> subprocess.CompletedProcess:
        _, env = _settings(fake, tmp_path / data_dir, window_s=600)
        return subprocess.run([sys.executable, "-m", "assistant.cli", "dingtalk", "push", str(path), "--wait", "30"],
                              env={**os.environ, **env}, cwd=PROJECT_ROOT, capture_output=True, text=True,
                              timeout=80)

    first = push("a")
    lines = first.stdout.splitlines()
    assert first.returncode == 1, first.stderr  # one owner could not be resolved
    assert lines[0].startswith("#0 Peter Chan: created (to-do task") and "app DING (downgraded" in lines[0]
    assert lines[1].startswith("#1 Mary: unresolved: owner unknown")
    second = push("b")
    assert second.stdout.splitlines()[0].startswith("#0 Peter Chan: already existed")
    assert len(fake.todos) == 1 and len(fake.dings) == 1  # the second push rang nobody
