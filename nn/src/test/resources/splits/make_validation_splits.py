"""Writes validation-splits.json: sklearn's early-stopping train_test_split draws.

Run with scikit-learn 1.2.1 / numpy 1.24.2 (Debian python3-sklearn); the project never runs it.
Each case: RandomState(seed), `skip` uniform draws (standing in for the initial weights), then
train_test_split(arange(n), y, test_size, stratify=y or None, random_state=rng), then two more
uniform(0, 1) draws, to check the split consumed exactly sklearn's draws.
"""
import json
import sys
import numpy as np
from sklearn.model_selection import train_test_split

cases = []
specs = [
    (0, 0, 50, 0.1, None), (42, 7, 60, 0.2, None), (5, 3, 13, 0.5, None),
    (1, 0, 60, 0.1, [0] * 30 + [1] * 30), (624, 11, 80, 0.1, [i % 2 for i in range(80)]),
    (7, 5, 57, 0.25, [0] * 40 + [1] * 17), (99, 2, 45, 0.3, [i % 3 for i in range(45)]),
    (3, 0, 101, 0.15, [(i * 7) % 5 for i in range(101)]),
]
for seed, skip, n, test_size, labels in specs:
    rng = np.random.RandomState(seed)
    rng.uniform(-1, 1, skip)
    idx = np.arange(n)
    y = None if labels is None else np.array(labels)
    tr, te = train_test_split(idx, test_size=test_size, stratify=y, random_state=rng)
    cases.append({"seed": seed, "skip": skip, "n": n, "test_size": test_size,
                  "stratify": labels, "train": tr.tolist(), "test": te.tolist(),
                  "after": rng.uniform(0.0, 1.0, 2).tolist()})
json.dump({"meta": {"generator": "scikit-learn 1.2.1, numpy 1.24.2",
                    "script": "make_validation_splits.py"}, "cases": cases},
          sys.stdout, indent=1)
