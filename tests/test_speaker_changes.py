"""Speaker changes inside one run, found with the real CAM++ model on voices of the bundled sample.

gd0048640 speaks at 0.5–6.15 s and gd0046360 at 6.75–15.45 s; splicing the two with no pause
gives a change that segmentation cannot see from silence.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from assistant.audio import decode
from assistant.config import DiarizationSettings
from assistant.embedding import CamPlusPlus
from assistant.loading import model_path
from assistant.speaker_changes import SpeakerChanges
from tests.conftest import SAMPLE

RATE = 16000


@pytest.fixture(scope="module")
def model() -> CamPlusPlus:
    return CamPlusPlus(model_path(DiarizationSettings().embedding_model))


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    return decode(SAMPLE).samples


def changes(model, samples: np.ndarray) -> SpeakerChanges:
    s = DiarizationSettings()
    return SpeakerChanges(model, torch.from_numpy(samples.copy()), RATE, s.change_window, s.change_context,
                          s.change_step, s.change_threshold)


def test_a_change_of_voice_without_a_pause_is_cut_where_it_happens(model, sample):
    first, second = sample[int(0.5 * RATE):int(6.15 * RATE)], sample[int(6.75 * RATE):int(12.0 * RATE)]
    spliced = np.concatenate([first, second])
    cuts = changes(model, spliced).split(0.0, len(spliced) / RATE)
    assert len(cuts) >= 1
    assert min(abs(t - len(first) / RATE) for t in cuts) <= 0.5


def test_diarisation_puts_the_change_of_voice_where_it_happens(sample):
    """Without the change detection the pipeline moved this change 2 s early (3.1 s)."""
    from assistant.audio import Audio
    from assistant.diarize import diarize
    from assistant.loading import diarization_pipeline

    first, second = sample[int(0.5 * RATE):int(6.15 * RATE)], sample[int(6.75 * RATE):int(15.45 * RATE)]
    spliced = Audio(np.concatenate([first, second]), RATE, "spliced")
    turns = diarize(diarization_pipeline(DiarizationSettings()), spliced).exclusive
    assert len({t.speaker for t in turns}) == 2
    changes = [b.start for a, b in zip(turns, turns[1:]) if a.speaker != b.speaker]
    assert len(changes) == 1 and abs(changes[0] - len(first) / RATE) <= 0.5


def test_one_voice_is_not_cut(model, sample):
    one = sample[int(6.75 * RATE):int(15.45 * RATE)]
    assert changes(model, one).split(0.0, len(one) / RATE) == []


def test_a_run_too_short_for_two_windows_is_left_whole(model, sample):
    assert changes(model, sample).split(1.0, 3.9) == []
