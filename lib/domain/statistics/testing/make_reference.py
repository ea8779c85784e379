#!/usr/bin/python3
"""Reference values for lib/domain/statistics, computed with SciPy.

Run with Debian's interpreter (scipy 1.10, numpy 1.24):

    /usr/bin/python3 lib/domain/statistics/testing/make_reference.py

It writes reference.json beside itself: the inputs (drawn from fixed seeds
with numpy's legacy RandomState, whose stream does not change between numpy
versions) and the expected results. Commit both files; the TypeScript tests
only read the JSON. statsmodels is not in Debian's scipy stack, so the Holm
and Benjamini-Hochberg values are computed here from their definitions,
exactly as statsmodels.stats.multitest.multipletests does.
"""

import json
import os

import numpy as np
import scipy
from scipy import spatial, special, stats
from scipy.stats import _mannwhitneyu

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")


def floats(values):
    return [float(v) for v in np.ravel(values)]


def rank_cases():
    rng = np.random.RandomState(1)
    inputs = {
        "pi digits with ties": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
        "all equal": [2.5, 2.5, 2.5, 2.5],
        "single value": [7.0],
        "negative and zero": [0.0, -1.5, 0.0, 3.25, -1.5, -1.5, 10.0],
        "random integers 0-9": rng.randint(0, 10, size=60).tolist(),
        "random reals (no ties)": np.round(rng.normal(size=40), 6).tolist(),
    }
    cases = []
    for name, values in inputs.items():
        values = np.asarray(values, dtype=float)
        _, counts = np.unique(values, return_counts=True)
        cases.append({
            "name": name,
            "values": floats(values),
            "ranks": floats(stats.rankdata(values, method="average")),
            "tieSum": float((counts ** 3 - counts).sum()),
            "tieCorrection": float(stats.tiecorrect(values)),
        })
    return cases


def mann_whitney_cases():
    rng = np.random.RandomState(2)
    # Emotion proportions per patient look like this: many exact zeros, a few large shares.
    def proportions(n, zero_share, scale):
        values = np.round(rng.beta(0.8, scale, size=n), 3)
        values[rng.rand(n) < zero_share] = 0.0
        return values

    asymptotic = {
        "small, no ties": (np.round(rng.normal(0.0, 1.0, 5), 4), np.round(rng.normal(0.8, 1.0, 7), 4)),
        "integer scores with ties": (rng.randint(0, 6, 12).astype(float), rng.randint(1, 7, 15).astype(float)),
        "unequal sizes 3 vs 40": (np.round(rng.normal(1.0, 1.0, 3), 4), np.round(rng.normal(0.0, 1.0, 40), 4)),
        "proportions with many zeros": (proportions(30, 0.4, 3.0), proportions(45, 0.25, 2.0)),
        "medium, shifted": (np.round(rng.normal(0.3, 1.0, 120), 3), np.round(rng.normal(0.0, 1.0, 150), 3)),
        "complete separation 30 vs 30": (np.arange(30, 60, dtype=float), np.arange(0, 30, dtype=float)),
        "extreme p, 600 vs 600 separated": (np.arange(600, 1200, dtype=float), np.arange(0, 600, dtype=float)),
        "all values equal": (np.full(6, 0.25), np.full(9, 0.25)),
        "one value each": (np.array([1.0]), np.array([2.0])),
        "identical samples": (np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 2.0, 3.0, 4.0])),
    }
    exact = {
        "exact 3 vs 4": (np.array([1.1, 2.3, 5.0]), np.array([0.4, 3.3, 6.1, 7.2])),
        "exact 5 vs 8": (np.round(rng.normal(0.0, 1.0, 5), 4), np.round(rng.normal(1.0, 1.0, 8), 4)),
        "exact 8 vs 8 separated": (np.arange(8, 16, dtype=float) + 0.5, np.arange(0, 8, dtype=float)),
        "exact 2 vs 20": (np.array([0.05, 9.5]), np.round(rng.uniform(0, 10, 20), 4)),
        "exact 8 vs 30": (np.round(rng.normal(0.5, 1.0, 8), 4), np.round(rng.normal(0.0, 1.0, 30), 4)),
        "exact 1 vs 5": (np.array([3.5]), np.array([1.0, 2.0, 3.0, 4.0, 5.0])),
        "exact 7 vs 100": (np.round(rng.normal(1.0, 1.0, 7), 5), np.round(rng.normal(0.0, 1.0, 100), 5)),
    }
    cases = []

    def add(name, x, y, method, continuity):
        result = stats.mannwhitneyu(x, y, alternative="two-sided", method=method, use_continuity=continuity)
        n1, n2 = len(x), len(y)
        ranks = stats.rankdata(np.concatenate([x, y]))
        u1 = float(result.statistic)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = float(_mannwhitneyu._get_mwu_z(max(u1, n1 * n2 - u1), n1, n2, ranks, continuity=continuity))
        cases.append({
            "name": name,
            "x": floats(x),
            "y": floats(y),
            "method": method,
            "continuity": continuity,
            "u1": u1,
            "u2": float(n1 * n2 - u1),
            # SciPy divides by a zero variance when every value is tied; the TypeScript reports z = 0 there.
            "z": z if np.isfinite(z) else None,
            "p": float(result.pvalue),
            "autoMethod": _mannwhitneyu._mwu_choose_method(n1, n2, np.concatenate([x, y])[None, :], "auto"),
            "autoP": float(stats.mannwhitneyu(x, y, alternative="two-sided").pvalue),
        })

    for name, (x, y) in asymptotic.items():
        add(name, x, y, "asymptotic", True)
    add("medium, shifted, no continuity", *asymptotic["medium, shifted"], "asymptotic", False)
    add("integer scores with ties, no continuity", *asymptotic["integer scores with ties"], "asymptotic", False)
    for name, (x, y) in exact.items():
        add(name, x, y, "exact", True)
    return cases


def cliffs_delta_cases():
    rng = np.random.RandomState(3)
    inputs = {
        "small with ties": ([1, 2, 2, 3, 5], [2, 2, 4, 1]),
        "x all larger": ([10, 11, 12], [1, 2, 3, 4]),
        "identical": ([1, 2, 3], [1, 2, 3]),
        "integers with many ties": (rng.randint(0, 5, 80).tolist(), rng.randint(1, 6, 70).tolist()),
        "reals, unequal sizes": (np.round(rng.normal(0.2, 1, 25), 3).tolist(), np.round(rng.normal(0, 1, 300), 3).tolist()),
    }
    cases = []
    for name, (x, y) in inputs.items():
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        signs = np.sign(x[:, None] - y[None, :])
        cases.append({"name": name, "x": floats(x), "y": floats(y), "delta": float(signs.mean())})
    return cases


def chi_square_cases():
    rng = np.random.RandomState(4)
    tables = {
        "2x2": ([[12, 5], [3, 14]], False),
        "2x2 with Yates": ([[12, 5], [3, 14]], True),
        "2x9 cohorts x emotions, fearful and unknown never seen": (
            [[14, 3, 0, 22, 61, 4, 17, 6, 0], [9, 6, 0, 11, 70, 2, 31, 3, 0]], False),
        "3x9 Poisson counts": (rng.poisson([5, 2, 1, 12, 40, 3, 9, 4, 1], size=(3, 9)).tolist(), False),
        "4x5 strong association (tiny p)": ([[60, 3, 2, 2, 1], [5, 50, 3, 2, 2], [2, 4, 55, 3, 1], [2, 1, 3, 45, 6]], False),
        "2x3 small counts": ([[1, 3, 2], [4, 0, 5]], False),
        "2x3 with a zero column and Yates (dof 1 after dropping)": ([[8, 0, 2], [3, 0, 9]], True),
        "one cohort (dof 0)": ([[5, 3, 0, 2]], False),
        "independent margins (statistic 0)": ([[2, 4, 6], [3, 6, 9]], False),
    }
    cases = []
    for name, (table, yates) in tables.items():
        observed = np.asarray(table, dtype=np.int64)
        kept = [c for c in range(observed.shape[1]) if observed[:, c].sum() > 0]
        reduced = observed[:, kept]
        result = stats.chi2_contingency(reduced, correction=yates)
        dof = int(result[2])
        cramers_v = float(stats.contingency.association(reduced, method="cramer")) if dof > 0 else 0.0
        cases.append({
            "name": name,
            "table": observed.tolist(),
            "yates": yates,
            "statistic": float(result[0]),
            "p": float(result[1]),
            "dof": dof,
            "expected": [floats(row) for row in result[3]],
            "keptColumns": kept,
            "cramersV": cramers_v,
        })
    return cases


def gamma_cases():
    cases = []
    for a in [0.5, 1.0, 1.5, 2.0, 3.5, 4.0, 10.0, 17.5, 40.0, 100.0, 250.0, 1000.0]:
        xs = {1e-3, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 300.0, 700.0}
        xs |= {round(a * f, 6) for f in (0.5, 0.9, 1.0, 1.1, 1.5, 2.0)}
        for x in sorted(xs):
            cases.append({"a": a, "x": x, "p": float(special.gammainc(a, x)), "q": float(special.gammaincc(a, x))})
    log_gamma = [{"x": x, "value": float(special.gammaln(x))} for x in
                 [1e-8, 0.01, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 7.25, 14.9, 15.0, 33.3, 100.0, 1234.5, 1e6]]
    return cases, log_gamma


def normal_cases():
    zs = [round(z, 2) for z in np.arange(-10.0, 10.01, 0.25)] + [0.001, 12.0, 15.0, 20.0, 25.0, 30.0, 37.0, -37.0]
    normal = [{"z": z, "sf": float(stats.norm.sf(z)), "cdf": float(stats.norm.cdf(z))} for z in zs]
    erfc = [{"x": x, "value": float(special.erfc(x))} for x in [-3.0, -1.0, -0.2, 0.0, 1e-6, 0.3, 1.0, 2.0, 4.0, 6.0, 10.0, 20.0, 26.0]]
    return normal, erfc


def holm(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adjusted_sorted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    adjusted = np.empty(m)
    adjusted[order] = adjusted_sorted
    return adjusted


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    raw = p[order] * m / np.arange(1, m + 1)
    adjusted_sorted = np.minimum(1.0, np.minimum.accumulate(raw[::-1])[::-1])
    adjusted = np.empty(m)
    adjusted[order] = adjusted_sorted
    return adjusted


def adjustment_cases():
    rng = np.random.RandomState(5)
    inputs = {
        "nine emotions": [0.001, 0.2, 0.03, 0.04, 0.8, 0.012, 0.5, 0.049, 1.0],
        "ties": [0.01, 0.01, 0.02, 0.02, 0.02, 0.5],
        "single": [0.03],
        "zeros and ones": [0.0, 1.0, 0.0, 0.5],
        "tiny values": [1e-300, 3e-12, 2e-12, 0.04],
        "random 40": np.round(rng.uniform(0, 0.2, 40) ** 2, 8).tolist(),
    }
    return [{"name": name, "p": floats(p), "holm": floats(holm(p)), "bh": floats(benjamini_hochberg(p))} for name, p in inputs.items()]


def centroid_case():
    rng = np.random.RandomState(6)
    dims = 12
    group = np.array([0] * 15 + [1] * 25)
    rng.shuffle(group)
    points = rng.normal(0.0, 1.0, (len(group), dims)).astype(np.float32)
    points[group == 1] += np.float32(0.4)
    values = points.astype(np.float64)
    mean0 = values[group == 0].mean(axis=0)
    mean1 = values[group == 1].mean(axis=0)
    return {
        "dims": dims,
        "group": group.tolist(),
        "points": floats(values),
        "euclidean": float(spatial.distance.euclidean(mean0, mean1)),
        "cosine": float(spatial.distance.cosine(mean0, mean1)),
    }


def trajectory_case():
    rng = np.random.RandomState(7)
    dims = 16
    day = 86_400_000
    times = [20 * day, 3 * day, 11 * day, 40 * day, 31 * day, 52 * day]
    sessions = []
    for index, time in enumerate(times):
        embedding = None if index == 4 else floats(np.round(rng.normal(0.0, 1.0, dims) + 0.1 * index, 5))
        proportions = None if index == 2 else floats(np.round(rng.dirichlet(np.ones(9)), 6))
        sessions.append({"sessionId": f"S{index + 1}", "time": time, "embedding": embedding, "proportions": proportions})
    ordered = sorted(sessions, key=lambda s: s["time"])
    with_embedding = [s for s in ordered if s["embedding"] is not None]
    steps = []
    for a, b in zip(with_embedding, with_embedding[1:]):
        steps.append({
            "fromSessionId": a["sessionId"],
            "toSessionId": b["sessionId"],
            "euclidean": float(spatial.distance.euclidean(a["embedding"], b["embedding"])),
            "cosine": float(spatial.distance.cosine(a["embedding"], b["embedding"])),
        })
    return {
        "sessions": sessions,
        "sessionIds": [s["sessionId"] for s in ordered],
        "withoutEmbedding": [s["sessionId"] for s in ordered if s["embedding"] is None],
        "steps": steps,
    }


def per_patient_case():
    rng = np.random.RandomState(8)
    patients = ["P3", "P1", "P3", None, "P2", "P1", "P3", "P4", "P2", None, "P3", "P1"]
    recordings = []
    for index, patient in enumerate(patients):
        recordings.append({"recordingId": f"R{index + 1:02d}", "patientId": patient,
                           "proportions": floats(np.round(rng.dirichlet(np.ones(9) * 0.7), 6))})
    means = []
    for patient in dict.fromkeys(p for p in patients if p is not None):
        rows = np.array([r["proportions"] for r in recordings if r["patientId"] == patient])
        means.append({"patientId": patient, "recordingCount": len(rows), "proportions": floats(rows.mean(axis=0))})
    return {"recordings": recordings, "patientMeans": means}


def main():
    gamma, log_gamma = gamma_cases()
    normal, erfc = normal_cases()
    reference = {
        "generatedBy": "lib/domain/statistics/testing/make_reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "rank": rank_cases(),
        "mannWhitney": mann_whitney_cases(),
        "cliffsDelta": cliffs_delta_cases(),
        "chiSquare": chi_square_cases(),
        "gamma": gamma,
        "logGamma": log_gamma,
        "normal": normal,
        "erfc": erfc,
        "adjustment": adjustment_cases(),
        "centroid": centroid_case(),
        "trajectory": trajectory_case(),
        "perPatient": per_patient_case(),
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(reference, handle, indent=1, allow_nan=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
