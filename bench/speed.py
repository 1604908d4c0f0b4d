#!/usr/bin/env python3
"""Wall time of `newslint check` on one ~800-word draft: hygiene rules only, and with an NLP rule.

Not a test: run it by hand and copy the numbers into the README (section on speed).

    .venv/bin/python bench/speed.py [--runs 7] [--nlp-rule NL301]

Each configuration runs once to warm the disk cache, then ``--runs`` times; the
median wall time is reported with its ratio to the target (0.5 s without NLP,
1.5 s with it). The result cache is turned off, so every run does the work, and
Python may cache bytecode (PYTHONDONTWRITEBYTECODE is dropped), as in a pip install.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "The county board voted five to two on Tuesday to close the Harlow Road landfill by the end of next year.",
    "Residents who live near the site have complained for a decade about dust, gulls and lorries at dawn.",
    "Board chair Ines Varga said the decision was overdue and that the county would pay to move the waste.",
    "“We owe the people of Harlow a quieter street and cleaner air,” Varga said after the vote.",
    "Two members voted against the plan, saying the cost of a new site had not been settled.",
    "The landfill opened in 1987 and takes about 400 tonnes of household rubbish a day.",
    "A consultant's report put the cost of closing and capping it at more than $30 million.",
    "Waste will go to a transfer station in Eastfield, twenty kilometres to the north, from next spring.",
    "Drivers there worry that the extra traffic will clog the town's narrow high street.",
    "“Nobody asked us before the plan was drawn up,” said Tomasz Wren, who owns a bakery on the street.",
    "The county promised to pay for a bypass study and to limit deliveries to daytime hours.",
    "Environmental groups welcomed the vote but asked the board to publish its monitoring data.",
    "Groundwater tests near the site have found traces of metals above the state limit twice since 2019.",
    "The state environment agency said it would review the capping plan before work begins.",
    "Board member Ruth Adeyemi said the county should also expand kerbside recycling.",
    "She proposed a pilot in three neighbourhoods that would collect food waste every week.",
    "The board will take up her proposal at its next meeting, on the first Monday of the month.",
    "Harlow's primary school, which sits a kilometre from the landfill, sent a letter supporting closure.",
    "Parents had complained that children could not play outside on windy days.",
    "The county expects to finish capping the site within three years and to plant it with grass.",
)


def make_draft(words: int = 800) -> str:
    """A news draft of about ``words`` words, written from the sentences above, four to a paragraph."""
    paragraphs, current, count, i = [], [], 0, 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        current.append(sentence)
        count += len(sentence.split())
        i += 1
        if len(current) == 4:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    head = "---\ntitle: County votes to close Harlow landfill\ndate: 2024-05-14\n---\n\n"
    return head + "\n\n".join(paragraphs) + "\n"


def newslint_command() -> list[str]:
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [shutil.which("newslint") or "newslint"]


#: as installed by pip: bytecode is cached, so a run does not recompile newslint's sources
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_runs(command: list[str], runs: int, cwd: Path) -> list[float]:
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=ENV)  # warm-up, writes bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=ENV)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--nlp-rule", default="NL301", help="a rule that needs the spaCy analysis")
    args = parser.parse_args()

    base = newslint_command()
    help_text = subprocess.run(base + ["check", "--help"], capture_output=True, text=True).stdout
    no_cache = ["--no-cache"] if "--no-cache" in help_text else []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = folder / "draft.md"
        draft.write_text(make_draft(args.words), encoding="utf-8")
        words = len(draft.read_text(encoding="utf-8").split())
        common = base + ["check", "--isolated", "--format", "json", *no_cache, "draft.md"]
        cached = base + ["check", "--isolated", "--format", "json", "draft.md"]
        subprocess.run(cached, cwd=folder, capture_output=True)  # fill the cache for the warm run
        cases = [("start-up only (newslint --version)", base + ["--version"], 0.5),
                 ("hygiene rules only (--select NL7)", common + ["--select", "NL7"], 0.5),
                 (f"with an NLP rule (--select NL7,{args.nlp_rule})", common + ["--select", f"NL7,{args.nlp_rule}"],
                  1.5),
                 ("pre-commit: every rule but grammar, cold", common, 1.5),
                 ("pre-commit: every rule but grammar, warm cache", cached, 0.3)]
        print(f"newslint check on one {words}-word draft, {args.runs} runs each, {os.cpu_count()} CPUs, "
              f"Python {sys.version.split()[0]}")
        print(f"{'configuration':<44} {'median':>8} {'min':>7} {'max':>7} {'target':>7} {'ratio':>6}")
        medians = {}
        for label, command, target in cases:
            times = time_runs(command, args.runs, folder)
            median = statistics.median(times)
            medians[label] = median
            print(f"{label:<44} {median:>7.3f}s {min(times):>6.3f}s {max(times):>6.3f}s {target:>6.1f}s "
                  f"{median / target:>6.2f}")
        startup, hygiene, nlp, cold, warm = medians.values()
        print(f"NLP run / hygiene run: {nlp / hygiene:.2f}x; hygiene run / start-up: {hygiene / startup:.2f}x; "
              f"warm / cold: {warm / cold:.2f}x")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"load average during the run: {load:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
