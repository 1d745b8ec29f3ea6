"""Grid-search the clustering settings on samples/eval (dev meeting + diarisation set).

Segmentation and embeddings are computed once per step size (pyannote's training cache),
then every threshold / min_cluster_size pair is scored with the shared DER scorer's metric.
Usage: python -m bench.tune_diarization [--steps 0.5 0.3]
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np
import torch
from pyannote.metrics.diarization import DiarizationErrorRate

from assistant.audio import decode
from assistant.config import DiarizationSettings
from assistant.loading import diarization_pipeline
from bench.datasets import diarization_set


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=float, nargs="+", default=[0.5])
    parser.add_argument("--thresholds", type=float, nargs="+", default=list(np.arange(0.3, 1.21, 0.05)))
    parser.add_argument("--min-cluster-sizes", type=int, nargs="+", default=[1, 2, 3, 5, 8])
    parser.add_argument("--methods", nargs="+", default=["average", "centroid"])
    parser.add_argument("--min-duration-off", type=float, nargs="+", default=[0.0])
    parser.add_argument("--max-piece", type=float, nargs="+", default=[3.0])
    parser.add_argument("--split-gap", type=float, nargs="+", default=[0.25])
    parser.add_argument("--change-threshold", type=float, nargs="+", default=[1.0])
    args = parser.parse_args()
    items = diarization_set()
    for step, max_piece, gap, change in itertools.product(args.steps, args.max_piece, args.split_gap,
                                                           args.change_threshold):
        pipeline = diarization_pipeline(DiarizationSettings(segmentation_step=step, max_piece=max_piece, split_gap=gap,
                                                            change_threshold=change))
        pipeline.training = True  # keep segmentation and embeddings in each file's cache
        files = []
        for item in items:
            audio = decode(item.audio)
            files.append((item, {"waveform": torch.from_numpy(audio.samples.copy())[None],
                                 "sample_rate": audio.sample_rate, "uri": item.uri}))
        results = []
        grid = itertools.product(args.methods, args.thresholds, args.min_cluster_sizes, args.min_duration_off)
        for method, threshold, mcs, off in grid:
            pipeline.instantiate({"segmentation": {"min_duration_off": off},
                                  "clustering": {"method": method, "min_cluster_size": mcs, "threshold": float(threshold)}})
            metric = DiarizationErrorRate(collar=0.25)
            count_errors = 0
            per_file = []
            for item, file in files:
                hyp = pipeline(file).speaker_diarization
                per_file.append(f"{item.uri}={metric(item.reference, hyp, uem=item.uem):.3f}")
                count_errors += abs(len(hyp.labels()) - len(item.reference.labels()))
            results.append((abs(metric), count_errors, method, threshold, mcs, off))
            print(f"step={step} max_piece={max_piece} split_gap={gap} change={change} min_duration_off={off} method={method} threshold={threshold:.2f} min_cluster_size={mcs} "
                  f"DER={abs(metric):.3f} count_err={count_errors} {' '.join(per_file)}", flush=True)
        best = min(results)
        print(f"BEST step={step} max_piece={max_piece} split_gap={gap} change={change} min_duration_off={best[5]} method={best[2]} threshold={best[3]:.2f} min_cluster_size={best[4]} "
              f"DER={best[0]:.3f} count_err={best[1]}")


if __name__ == "__main__":
    main()
