"""The ``assistant`` command."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from assistant.audio import AudioError
from assistant.config import get_settings
from assistant.weights import WeightsError


class StageBars:
    """One tqdm bar per pipeline stage, on stderr."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        bar = self.bars.get(stage)
        if bar is None:
            bar = self.bars[stage] = tqdm(total=100, desc=f"{stage:10s}", unit="%", leave=True, file=sys.stderr)
        bar.update(max(0, round(fraction * 100) - bar.n))
        if fraction >= 1.0:
            bar.close()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Meeting assistant for Hong Kong teams: Cantonese minutes from recordings."""


@main.command()
@click.argument("audio", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for the outputs.")
@click.option("--num-speakers", type=click.IntRange(1, 50), help="Exact number of speakers, when known.")
@click.option("--min-speakers", type=click.IntRange(1, 50), help="At least this many speakers.")
@click.option("--max-speakers", type=click.IntRange(1, 50), help="At most this many speakers.")
@click.option("--initial-prompt", help="Text that steers recognition (style, topic).")
@click.option("--vocabulary", "vocabulary", multiple=True, help="A name or term to recognise; repeatable.")
@click.option("--vocabulary-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File with one name or term per line.")
@click.option("--language", help="Language code (default yue: Cantonese).")
@click.option("--asr-model", help="Whisper model: manifest name, local folder or hub name.")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), help="Where to run the models.")
@click.option("--meeting-date", help="Meeting date (YYYY-MM-DD), used to resolve relative deadlines.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
def process(audio, out_dir, num_speakers, min_speakers, max_speakers, initial_prompt, vocabulary,
            vocabulary_file, language, asr_model, device, meeting_date, quiet) -> None:
    """Diarise and transcribe AUDIO, write minutes.json, minutes.md, SRT, VTT and RTTM to --out."""
    from assistant.pipeline import ProcessOptions
    from assistant.pipeline import process as run
    from assistant.writers import write_all

    settings = get_settings()
    asr_changes = {k: v for k, v in {"language": language, "model": asr_model, "device": device}.items() if v}
    if asr_changes:
        settings = settings.model_copy(update={"asr": settings.asr.model_copy(update=asr_changes)})
    terms = list(vocabulary)
    if vocabulary_file:
        terms += [line.strip() for line in vocabulary_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    options = ProcessOptions(num_speakers, min_speakers, max_speakers, terms, initial_prompt, meeting_date)
    bars = StageBars(enabled=not quiet)
    try:
        result = run(audio, options, settings, progress=bars)
    except (AudioError, WeightsError) as exc:
        bars.close()
        raise click.ClickException(str(exc)) from exc
    bars.close()
    written = write_all(result.minutes, result.diarization.turns, out_dir)
    m = result.minutes
    click.echo(f"{len(m.speakers)} speakers, {len(m.turns)} turns, {m.meeting.duration:.1f} s of audio")
    for path in written.values():
        click.echo(f"  {path}")


if __name__ == "__main__":
    main()
