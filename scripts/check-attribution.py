#!/usr/bin/env python3
"""Checks the tool's attribution models against ChannelAttribution (PyPI `channelattribution`,
the reference implementation of these models) on the same paths.

    python3 scripts/check-attribution.py [--paths FILE.json] [--bench BINARY] [--seeds N]

Without --paths, it writes seeded random paths (repeats, one-touch paths, referral-only paths,
paths that never convert) to a temporary file. The tool's figures come from
`referral-bench attribution-check FILE` (the tool's own model code on that file); the
reference's from `heuristic_models` (first, last and linear touch: they must be equal, to a
millionth of a won deal and to the cent) and `markov_model` (first order, with nulls), run with
N seeds: Markov's removal effects are simulated, so the tool's exact figures must fall within
four standard deviations of the reference's mean (plus a thousandth of the total, the
simulation's own floor). Prints how close each came; exits 1 when one does not agree.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile


def ensure_reference():
    try:
        import ChannelAttribution  # noqa: F401
    except ImportError:
        # The package imports matplotlib for its plots.
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "channelattribution", "matplotlib"])


def random_paths(seed=36, rows=1500):
    rng = random.Random(seed)
    channels = ["Referral", "Partner_Referral", "Email", "Paid_Search", "Events", "Organic", "Direct"]
    weights = [3, 1, 4, 3, 2, 3, 2]
    seen = {}
    for _ in range(rows):
        kind = rng.random()
        if kind < 0.1:
            path = ["Referral"]  # a referral-only path
        elif kind < 0.25:
            path = [rng.choices(channels, weights)[0]]  # one touch
        else:
            path = rng.choices(channels, weights, k=rng.randint(2, 8))
            if rng.random() < 0.3:
                path.insert(0, "Referral")  # an introduction, then the marketing touches
            if rng.random() < 0.2:
                at = rng.randrange(len(path))
                path.insert(at, path[at])  # a repeat
        key = tuple(path)
        conversions = rng.choice([0, 0, 0, 1, 1, 2]) if "Referral" not in path else rng.choice([0, 1, 1, 2])
        nulls = rng.choice([0, 1, 2, 3, 5])
        if conversions + nulls == 0:
            nulls = 1
        value = round(sum(rng.uniform(200, 3000) for _ in range(conversions)), 2)
        row = seen.setdefault(key, {"path": list(key), "conversions": 0, "value": 0.0, "nulls": 0})
        row["conversions"] += conversions
        row["value"] = round(row["value"] + value, 2)
        row["nulls"] += nulls
    rows = list(seen.values())
    rows[0]["referral"] = ["Referral", "Partner_Referral"]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paths", help="a paths file (JSON) instead of random paths")
    parser.add_argument("--bench", default=".build/debug/referral-bench", help="the referral-bench binary")
    parser.add_argument("--seeds", type=int, default=5, help="Markov simulations to run (different seeds)")
    args = parser.parse_args()

    ensure_reference()
    import pandas as pd
    import ChannelAttribution as ca

    if args.paths:
        paths_file = args.paths
        with open(paths_file) as f:
            rows = json.load(f)
    else:
        rows = random_paths()
        handle, paths_file = tempfile.mkstemp(suffix=".json")
        with os.fdopen(handle, "w") as f:
            json.dump(rows, f)
    if not os.path.exists(args.bench):
        subprocess.check_call(["swift", "build", "--product", "referral-bench"])
    tool = json.loads(subprocess.check_output([args.bench, "attribution-check", paths_file]))

    frame = pd.DataFrame(
        {
            "path": [" > ".join(r["path"]) for r in rows],
            "conv": [r["conversions"] for r in rows],
            "value": [r["value"] for r in rows],
            "null": [r["nulls"] for r in rows],
        }
    )
    total_conv = frame["conv"].sum()
    total_value = frame["value"].sum()
    print(f"{len(rows)} distinct paths, {total_conv} conversions, {total_value:,.2f} of value, {frame['null'].sum()} nulls")

    def by_channel(model):
        return {c["channel"]: c for c in tool[model]}

    failures = 0
    heuristics = ca.heuristic_models(frame, "path", "conv", var_value="value", flg_pro=False)
    for ours, theirs in [("first_touch", "first_touch"), ("last_touch", "last_touch"), ("linear", "linear_touch")]:
        mine = by_channel(ours)
        worst_wins = worst_value = 0.0
        for _, row in heuristics.iterrows():
            channel = row["channel_name"]
            worst_wins = max(worst_wins, abs(mine[channel]["wins"] - row[f"{theirs}_conversions"]))
            worst_value = max(worst_value, abs(mine[channel]["revenue"] - row[f"{theirs}_value"]))
        # The tool rounds to a millionth of a deal and to the cent, keeping the totals exact.
        ok = worst_wins <= 1e-6 * len(mine) and worst_value <= 0.01 * len(mine)
        failures += not ok
        print(f"{ours:12} {'equal' if ok else 'DIFFERENT'}: largest difference {worst_wins:.2e} won deals, {worst_value:.4f} of value")

    runs = []
    for seed in range(args.seeds):
        result = ca.markov_model(
            frame, "path", "conv", var_value="value", var_null="null", nsim_start=1e6, max_step=1000, seed=seed,
            verbose=False, flg_pro=False,
        )
        runs.append({r["channel_name"]: (r["total_conversions"], r["total_conversion_value"]) for _, r in result.iterrows()})
    mine = by_channel("markov")
    worst = []
    for channel in runs[0]:
        for index, key, total in [(0, "wins", total_conv), (1, "revenue", total_value)]:
            values = [run[channel][index] for run in runs]
            mean, sd = statistics.mean(values), statistics.stdev(values) if len(values) > 1 else 0.0
            difference = abs(mine[channel][key] - mean)
            allowed = 4 * sd + 1e-3 * total
            worst.append((difference / total, difference, sd, allowed, channel, key))
            if difference > allowed:
                failures += 1
                print(f"markov       DIFFERENT: {channel} {key}: tool {mine[channel][key]:.4f}, reference {mean:.4f} ± {sd:.4f}")
    for key in ("wins", "revenue"):
        largest = max(entry for entry in worst if entry[5] == key)
        print(
            f"markov       {key:8} largest difference {largest[0]:.3%} of the total ({largest[4]}: {largest[1]:.4f}; "
            f"reference sd {largest[2]:.4f} over {args.seeds} seeds, allowed {largest[3]:.4f})"
        )
    for model in ("u_shaped", "w_shaped", "time_decay", "shapley"):
        credits = tool[model]
        if isinstance(credits, str):
            print(f"{model:12} {credits}")
            continue
        wins = sum(c["wins"] for c in credits)
        value = sum(c["revenue"] for c in credits)
        ok = abs(wins - total_conv) < 1e-6 and abs(value - total_value) < 0.005
        failures += not ok
        print(f"{model:12} no reference in the package; credits sum to {wins:.6f} won deals and {value:,.2f}: {'exact' if ok else 'WRONG'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
