#!/usr/bin/env python3
"""Benchmark newslint against the tools a newsroom would otherwise use, on the same drafts, in one run.

    python bench/peers.py [CORPUS_DIR ...] [--runs 5] [--scale 10,100,1000] [--out bench/results/peers.md]

Tools measured when present: newslint (every rule but grammar; and hygiene only), proselint (PyPI),
textlint (npm, installed by bench/setup-peers.sh into bench/node_modules), Vale (a `vale` binary on PATH),
LanguageTool (a server at $NEWSLINT_LT_URL or http://127.0.0.1:8081, started with scripts/languagetool-server).
Also spaCy's own raw throughput (nlp.pipe) on the same text, for the ratio the brief asks for.

Everything is measured in this one run and reported as medians and ratios to newslint; absolute seconds
depend on the machine. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = Path(sys.executable).parent


def words(paths) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def timed(cmd: list[str], env=None) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def tools() -> dict[str, callable]:
    """name -> function(paths) -> command list; only tools that are installed here."""
    newslint = str(VENV_BIN / "newslint")
    found = {
        "newslint (no grammar)": lambda paths: [newslint, "check", "--isolated", "--no-cache", "--ignore", "NL6",
                                                "--format", "json", *map(str, paths)],
        "newslint (hygiene only)": lambda paths: [newslint, "check", "--isolated", "--no-cache", "--select", "NL7",
                                                  "--format", "json", *map(str, paths)],
    }
    proselint = shutil.which("proselint") or (str(VENV_BIN / "proselint") if (VENV_BIN / "proselint").exists() else None)
    if proselint:
        found["proselint"] = lambda paths: [proselint, "check", "-o", "json", *map(str, paths)]
    textlint = HERE / "node_modules" / ".bin" / "textlint"
    if textlint.exists():
        config = HERE / "textlintrc.json"
        found["textlint"] = lambda paths: [str(textlint), "--config", str(config), "--format", "json",
                                           *map(str, paths)]
    vale = shutil.which("vale")
    if vale:
        found["vale"] = lambda paths: [vale, "--config", str(HERE / "vale.ini"), "--output", "JSON", *map(str, paths)]
    return found


def languagetool_url() -> str | None:
    url = os.environ.get("NEWSLINT_LT_URL", "http://127.0.0.1:8081")
    try:
        with urllib.request.urlopen(f"{url}/v2/languages", timeout=2) as response:
            return url if response.status == 200 else None
    except OSError:
        return None


def languagetool_seconds(url: str, paths) -> float:
    import urllib.parse
    started = time.perf_counter()
    for path in paths:
        data = urllib.parse.urlencode({"language": "en-US", "text": Path(path).read_text(encoding="utf-8")}).encode()
        with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=120) as response:
            response.read()
    return time.perf_counter() - started


def spacy_words_per_second(paths) -> float:
    sys.path.insert(0, str(ROOT))
    from newslint.analysis import load_model
    nlp = load_model(None)
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    list(nlp.pipe(texts[:2]))  # warm
    started = time.perf_counter()
    list(nlp.pipe(texts, batch_size=64))
    return words(paths) / (time.perf_counter() - started)


def replicate(paths, count: int, folder: Path) -> list[Path]:
    out = []
    for i in range(count):
        src = Path(paths[i % len(paths)])
        dst = folder / f"{i:05d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path,
                    default=[ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "wikinews"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", default="10,100,1000")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "peers.md")
    args = ap.parse_args()
    drafts = sorted(p for c in args.corpora if c.is_dir() for p in c.glob("*.md") if p.name != "README.md")
    if not drafts:
        sys.exit("no drafts found (pass corpus folders)")
    found = tools()
    single = min(drafts, key=lambda p: abs(len(p.read_text(encoding="utf-8").split()) - 800))
    single_words = words([single])
    lines = [f"Drafts: {len(drafts)} ({words(drafts):,} words); single draft: {single.name} ({single_words} words); "
             f"{os.cpu_count()} cores; median of {args.runs} runs.", ""]
    lines += ["| tool | one draft (s) | vs newslint | batch words/s | vs newslint |", "|---|---:|---:|---:|---:|"]
    rows = {}
    for name, command in found.items():
        one = statistics.median(timed(command([single])) for _ in range(args.runs))
        batch = statistics.median(timed(command(drafts)) for _ in range(max(1, args.runs // 2)))
        rows[name] = (one, words(drafts) / batch)
    lt = languagetool_url()
    if lt:
        one = statistics.median(languagetool_seconds(lt, [single]) for _ in range(args.runs))
        rows["LanguageTool server (HTTP)"] = (one, words(drafts) / languagetool_seconds(lt, drafts))
    base_one, base_wps = rows["newslint (no grammar)"]
    for name, (one, wps) in rows.items():
        lines.append(f"| {name} | {one:.2f} | {one / base_one:.2f}x | {wps:,.0f} | {wps / base_wps:.2f}x |")
    spacy_wps = spacy_words_per_second(drafts)
    lines += ["", f"spaCy raw throughput (nlp.pipe, same model, same text): {spacy_wps:,.0f} words/s; "
                  f"newslint batch throughput is {base_wps / spacy_wps:.2f}x of it."]
    scales = [int(s) for s in args.scale.split(",") if s]
    lines += ["", "Scaling (seconds for N drafts, one run each):", "",
              "| tool | " + " | ".join(f"{n} drafts" for n in scales) + " | s per draft at largest |",
              "|---|" + "---:|" * (len(scales) + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        copies = replicate(drafts, max(scales), Path(tmp))
        for name, command in found.items():
            cells = [timed(command(copies[:n])) for n in scales]
            lines.append(f"| {name} | " + " | ".join(f"{c:.1f}" for c in cells) + f" | {cells[-1] / scales[-1]:.3f} |")
    missing = [t for t in ("proselint", "textlint", "vale") if t not in found] + ([] if lt else ["LanguageTool"])
    if missing:
        lines += ["", "Not measured (not installed here): " + ", ".join(missing) + "."]
    report = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
