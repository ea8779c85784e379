#!/usr/bin/env python3
"""Reference merge heights for the HDBSCAN spanning tree (exact-spanning-tree.ts).

For a few seeded small data sets, computes core distances (distance to the
min_samples-th nearest neighbour, the point itself counted first, as the
hdbscan library does), the mutual-reachability matrix
max(core_i, core_j, d_ij) with numpy in float64, and scipy's single linkage
of it. The sorted weights of any minimum spanning tree of that matrix equal
the single-linkage merge heights, so exact-spanning-tree.test.ts checks ours
against them. Needs Debian's python3-numpy and python3-scipy only:

    python3 lib/projection/clustering/testing/make_reference.py

writes reference-trees.json beside this script. The vectors are stored as
float32 values (exactly representable in JSON), which is what the TypeScript
side holds.
"""
import json
import os

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform


def blobs(rng):
    """Three Gaussian blobs of 90 points and 30 uniform noise points in 5-D."""
    centres = np.array([[0, 0, 0, 0, 0], [6, 6, 0, 0, 0], [0, 6, 6, 3, 0]], dtype=float)
    points = [centre + rng.normal(size=(90, 5)) * scale for centre, scale in zip(centres, (0.6, 0.8, 1.0))]
    points.append(rng.uniform(-4, 10, size=(30, 5)))
    return np.vstack(points)


def chain(rng):
    """80 points along a bent line in 3-D with uneven gaps: a long single-linkage chain."""
    t = np.cumsum(rng.uniform(0.1, 1.0, size=80))
    return np.stack([t, np.sin(t / 5) * 4, rng.normal(scale=0.05, size=80)], axis=1)


def duplicates(rng):
    """40 distinct points in 4-D, each repeated 1 to 4 times: zero distances and tied weights."""
    base = rng.normal(size=(40, 4)) * 3
    counts = rng.integers(1, 5, size=40)
    return np.repeat(base, counts, axis=0)


def distances(x, metric):
    if metric == "euclidean":
        diff = x[:, None, :] - x[None, :, :]
        return np.sqrt((diff * diff).sum(axis=2))
    squared = (x * x).sum(axis=1)
    d = 1 - (x @ x.T) / np.sqrt(np.outer(squared, squared))
    np.fill_diagonal(d, 0)
    return np.maximum(d, 0)


def reference(name, x, metric, min_samples):
    x = x.astype(np.float32).astype(np.float64)
    d = distances(x, metric)
    core = np.sort(d, axis=1)[:, min_samples - 1]
    mr = np.maximum(np.maximum(core[:, None], core[None, :]), d)
    np.fill_diagonal(mr, 0)
    heights = linkage(squareform(mr, checks=False), method="single")[:, 2]
    return {
        "name": name,
        "metric": metric,
        "dims": int(x.shape[1]),
        "minSamples": min_samples,
        "vectors": [float(v) for v in x.ravel()],
        "coreDistances": [float(v) for v in core],
        "mergeHeights": [float(v) for v in np.sort(heights)],
    }


def main():
    sets = [
        reference("blobs-euclidean", blobs(np.random.default_rng(7)), "euclidean", 5),
        reference("blobs-cosine", blobs(np.random.default_rng(7)) + 1.5, "cosine", 5),
        # Far from the origin: nearly parallel vectors, cosine distances down to 1e-5.
        reference("blobs-cosine-far", blobs(np.random.default_rng(7)) + 40, "cosine", 5),
        reference("chain", chain(np.random.default_rng(11)), "euclidean", 3),
        reference("duplicates", duplicates(np.random.default_rng(13)), "euclidean", 3),
        reference("duplicates-min-samples-1", duplicates(np.random.default_rng(13)), "euclidean", 1),
    ]
    out = {"generator": f"make_reference.py with numpy {np.__version__}, scipy {scipy.__version__}", "sets": sets}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference-trees.json")
    with open(path, "w") as file:
        json.dump(out, file, separators=(",", ":"))
        file.write("\n")
    print(f"wrote {path}: " + ", ".join(f"{s['name']} ({len(s['coreDistances'])} points)" for s in sets))


if __name__ == "__main__":
    main()
