"""The GitHub Action (action.yml): its inputs, and its check step's shell script run for real with bash."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(step_id_or_name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if step_id_or_name in (s.get("id"), s.get("name")))


def test_the_action_is_a_composite_that_uploads_sarif() -> None:
    assert ACTION["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in ACTION["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert set(ACTION["inputs"]) >= {"paths", "fail-level", "config", "sarif-file"}
    assert "${{ github.action_path }}" in str(step("Install newslint"))
    for s in ACTION["runs"]["steps"]:  # inputs reach scripts through env, never pasted into the script
        assert "${{" not in s.get("run", ""), s["name"]


def run_check_step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, dict]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["GITHUB_OUTPUT"] = str(tmp_path / "github_output")
    defaults = {"paths": ".", "fail-level": "", "config": "", "sarif-file": "newslint.sarif", "extra-args": "",
                "annotations": "true"}
    values = {**defaults, **inputs}
    for key, template in step("check")["env"].items():
        name = template.removeprefix("${{ inputs.").removesuffix(" }}")
        env[key] = values[name]
    done = subprocess.run(["bash", "-e", "-c", step("check")["run"]], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in (tmp_path / "github_output").read_text().splitlines())
    return done, outputs


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_check_step_writes_sarif_annotations_and_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / ".newslint.toml").write_text('select = ["NL7"]\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "vote.md").write_text("The council approved TK million.\n", encoding="utf-8")
    (tmp_path / "news" / "ok.md").write_text("The council approved the budget.\n", encoding="utf-8")
    (tmp_path / "wire.md").write_text("It was was late.\n", encoding="utf-8")

    done, outputs = run_check_step(tmp_path, paths="news", **{"extra-args": "--no-cache"})
    assert done.returncode == 0, done.stderr  # the step itself never fails; the last step does
    assert outputs["exit-code"] == "1"
    sarif = json.loads((tmp_path / "newslint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NL701"]
    assert "::error file=news/vote.md,line=1" in done.stdout

    done, outputs = run_check_step(tmp_path, paths="news/ok.md\n  wire.md")  # newlines and spaces both separate
    assert outputs["exit-code"] == "0"  # a doubled word is a warning, under the default fail level
    assert "::warning file=wire.md,line=1" in done.stdout

    (tmp_path / "strict.toml").write_text('select = ["NL703"]\nfail-level = "warning"\n', encoding="utf-8")
    done, outputs = run_check_step(tmp_path, paths="wire.md", config="strict.toml", annotations="false")
    assert outputs["exit-code"] == "1"
    assert "::" not in done.stdout
    done, outputs = run_check_step(tmp_path, paths="wire.md", config="strict.toml", **{"fail-level": "error"})
    assert outputs["exit-code"] == "0"  # the input beats the config's fail-level

    done, outputs = run_check_step(tmp_path, paths="news missing.md")
    assert outputs["exit-code"] == "2"  # an input error fails the run even when findings are few
