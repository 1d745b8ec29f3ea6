"""Exactly once under faults: every third call failing, token expiry mid-push, rate-limit bursts,
and the `assistant serve` process SIGKILLed mid-push and started again."""

from __future__ import annotations

import pytest

from tests.dingtalk import fault_scenario


@pytest.mark.timeout(240)
def test_every_item_is_created_exactly_once_through_faults_and_a_kill(tmp_path) -> None:
    run = fault_scenario.run(12, tmp_path, window_s=2.0, timeout_s=200)

    assert run.kills == 1 and 0 < run.created_before_kill < 12  # killed mid-push
    assert run.faults_injected >= 6
    assert (run.pushed, run.duplicates, run.lost) == (12, 0, 0)
    assert run.ding_duplicates == 0
    assert (run.escalations, run.escalation_duplicates) == (12, 0)
    # Owners whose window ended while the server was down are escalated once it is back.
    assert len(run.escalation_latency_s) == 12 and max(run.escalation_latency_s) < run.downtime_s + 10
