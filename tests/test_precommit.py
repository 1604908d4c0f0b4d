"""The pre-commit hook, end to end: `pre-commit try-repo` installs this working tree and runs it on a draft.

Slow (pre-commit builds a virtualenv and pip-installs newslint with its
dependencies from PyPI, about a minute with a warm pip cache); run it with
`pytest -m slow tests/test_precommit.py`.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NETWORK_TROUBLE = ("Failed to establish a new connection", "Temporary failure in name resolution",
                   "No matching distribution found", "Could not find a version that satisfies")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (it is in the test extra)"),
]


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_of_this_tree(dest: Path) -> Path:
    """Commit the working tree (tracked and new, unignored files) to a fresh repo, as try-repo needs a commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout, so there is no tree for try-repo to install")
    files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git("init", "-q", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "snapshot", cwd=dest)
    return dest


def try_repo(repo: Path, newsroom: Path, home: Path, draft: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), "newslint", "--files", draft],
                          cwd=newsroom, env=env, capture_output=True, text=True, timeout=1200)
    output = done.stdout + done.stderr
    if done.returncode not in (0, 1) or "An unexpected error has occurred" in output:
        trouble = next((t for t in NETWORK_TROUBLE if t in output), None)
        if trouble:
            pytest.skip(f"pre-commit could not install newslint's dependencies from PyPI ({trouble})")
    return done


def test_try_repo_runs_the_hook_on_a_draft(tmp_path: Path) -> None:
    hooks = ROOT / ".pre-commit-hooks.yaml"
    assert hooks.is_file(), ".pre-commit-hooks.yaml is missing at the project root"
    assert "id: newslint" in hooks.read_text(encoding="utf-8")
    repo = snapshot_of_this_tree(tmp_path / "newslint")
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git("init", "-q", cwd=newsroom)
    (newsroom / "draft.md").write_text("# Budget vote\n\nThe council approved TK million on Tuesday.\n",
                                       encoding="utf-8")
    (newsroom / "clean.md").write_text("# Budget vote\n\nThe council approved the budget on Tuesday.\n",
                                       encoding="utf-8")
    git("add", "-A", cwd=newsroom)

    failed = try_repo(repo, newsroom, tmp_path / "pre-commit-home", "draft.md")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "newslint" in output and "Failed" in output
    assert "draft.md:3:" in output and "NL701" in output

    passed = try_repo(repo, newsroom, tmp_path / "pre-commit-home", "clean.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
