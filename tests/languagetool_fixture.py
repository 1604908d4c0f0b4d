"""A real LanguageTool server for the grammar tests, started once per session with scripts/languagetool-server.

Tests marked ``languagetool`` (and the grammar rule's golden fixtures and
documentation examples) get the server: one already answering on the port
is used as is (``.ci/run`` starts it), otherwise this plugin starts it and
stops it at the end of the session. Without Java the tests skip, saying so.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "languagetool-server"
#: the port the grammar rule looks at by default, so golden fixtures need no config
PORT = int(os.environ.get("NEWSLINT_LT_PORT", "8081"))
URL = f"http://127.0.0.1:{PORT}"


def pytest_collection_modifyitems(config, items):
    """The grammar rule's golden fixtures and doc examples need the server as much as marked tests do."""
    for item in items:
        if "[grammar/" in item.nodeid or (item.nodeid.endswith("[NL601]") and "metadata" not in item.name):
            item.add_marker(pytest.mark.languagetool)


@pytest.fixture(scope="session")
def languagetool_url() -> str:
    from newslint.languagetool import answers

    if answers(URL + "/"):
        yield URL
        return
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: the LanguageTool server cannot run (LanguageTool needs Java 17+)")
    started = subprocess.run([str(SCRIPT), "start", "--port", str(PORT)], capture_output=True, text=True,
                             timeout=900)
    if started.returncode != 0:
        pytest.fail(f"scripts/languagetool-server start failed:\n{started.stderr[-2000:]}")
    try:
        yield URL
    finally:
        subprocess.run([str(SCRIPT), "stop", "--port", str(PORT)], capture_output=True, timeout=60)


@pytest.fixture(autouse=True)
def _languagetool_for_marked(request):
    if request.node.get_closest_marker("languagetool") is not None:
        request.getfixturevalue("languagetool_url")
