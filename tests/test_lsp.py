"""The language server, driven by a real LSP client exchange over stdio (Content-Length framed JSON-RPC)."""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")

from newslint.lsp import Positions  # noqa: E402

TIMEOUT = 60.0


class LspClient:
    """A minimal LSP client: spawns `python -m newslint lsp` and speaks JSON-RPC over its stdin/stdout."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float) -> dict:
        try:
            return self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no message from the server; stderr: {self._stderr()}") from None

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(server still running)"
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]

    def request(self, method: str, params: dict | None) -> object:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if message.get("id") == wanted and "method" not in message:
                assert "error" not in message, message["error"]
                return message["result"]
            self._keep(message)

    def _keep(self, message: dict) -> None:
        if "method" in message and "id" in message:  # a request from the server (e.g. registerCapability)
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)

    def diagnostics(self, uri: str, version: int) -> list[dict]:
        """Wait for the diagnostics of ``uri`` at ``version``."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for message in self.notifications:
                params = message["params"]
                if (message["method"] == "textDocument/publishDiagnostics" and params["uri"] == uri
                        and params.get("version") == version):
                    return params["diagnostics"]
            self._keep(self._next(deadline))

    def published_versions(self, uri: str) -> list[int | None]:
        return [m["params"].get("version") for m in self.notifications
                if m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()
        return self.proc.returncode


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) the way an editor does, last edit first."""
    lines = text.splitlines(keepends=True)

    def offset(pos: dict) -> int:
        before = sum(len(line) for line in lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return before + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def edits_of(action: dict) -> list[dict]:
    return [edit for change in action["edit"]["documentChanges"] for edit in change["edits"]]


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / ".newslint.toml").write_text('select = ["NL7"]\n\n[mixed-quote-styles]\nprefer = "curly"\n',
                                             encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(newsroom: Path):
    lsp = LspClient(newsroom)
    yield lsp
    lsp.close()


def initialize(client: LspClient, root: Path) -> dict:
    result = client.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": True}, "codeAction": {
            "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}}}})
    client.notify("initialized", {})
    return result


def test_a_full_editor_session(client: LspClient, newsroom: Path) -> None:
    capabilities = initialize(client, newsroom)["capabilities"]
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll.newslint"]
    assert capabilities["positionEncoding"] == "utf-16"

    uri = (newsroom / "story.md").as_uri()
    text = 'Crowd 😀 chanted.\r\nThe mayor said the the plan "works".\n'
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": text}})
    diagnostics = client.diagnostics(uri, 1)
    assert [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diagnostics] == [
        ("NL703", 1, 15), ("NL704", 1, 28), ("NL704", 1, 34)]  # the config beside the draft asked for curly
    doubled = diagnostics[0]
    assert doubled["range"]["end"] == {"line": 1, "character": 22}
    assert doubled["severity"] == 2 and doubled["source"] == "newslint"

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": doubled["range"], "context": {"diagnostics": [doubled]}})
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and quick[0]["isPreferred"]
    assert apply_edits(text, edits_of(quick[0])) == 'Crowd 😀 chanted.\r\nThe mayor said the plan "works".\n'

    fix_all = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert [a["kind"] for a in fix_all] == ["source.fixAll.newslint"]
    fixed = apply_edits(text, edits_of(fix_all[0]))
    assert fixed == "Crowd 😀 chanted.\r\nThe mayor said the plan “works”.\n"

    # typing: three quick changes are checked once, after the pause
    for version, draft in ((2, fixed + "It it"), (3, fixed + "It it was"), (4, fixed + "It it was late.")):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": draft}]})
    assert [d["code"] for d in client.diagnostics(uri, 4)] == ["NL703"]
    assert 2 not in client.published_versions(uri) and 3 not in client.published_versions(uri)

    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
                                             "contentChanges": [{"text": fixed}]})
    assert client.diagnostics(uri, 5) == []

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=30) == 0


def test_a_broken_config_is_shown_on_the_draft(client: LspClient, newsroom: Path) -> None:
    folder = newsroom / "desk"
    folder.mkdir()
    (folder / ".newslint.toml").write_text('select = ["NL7"]\nno-such-key = 1\n', encoding="utf-8")
    initialize(client, newsroom)
    uri = (folder / "story.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                            "text": "It was was late.\n"}})
    [diagnostic] = client.diagnostics(uri, 1)
    assert "could not check" in diagnostic["message"] and "no-such-key" in diagnostic["message"]
    assert diagnostic["severity"] == 1

    # the editor saves a corrected config: every open draft is checked again
    (folder / ".newslint.toml").write_text('select = ["NL7"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": (folder / ".newslint.toml").as_uri()}})
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        latest = [m["params"]["diagnostics"] for m in client.notifications
                  if m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
        if latest and [d.get("code") for d in latest[-1]] == ["NL703"]:
            break
        try:
            client._keep(client.inbox.get(timeout=1))
        except queue.Empty:
            pass
    else:
        raise AssertionError("the draft was not checked again after the config was fixed")
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.proc.wait(timeout=30) == 0


def test_without_pygls_the_command_says_what_to_install() -> None:
    code = ("import sys; sys.modules['pygls'] = None\n"
            "from newslint.cli import main\nsys.exit(main(['lsp']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'newslint[lsp]'" in done.stderr


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", (1, 4)), ("utf-32", (1, 3)), ("utf-8", (1, 7))])
def test_positions_count_in_the_negotiated_encoding(encoding: str, expected: tuple[int, int]) -> None:
    text = "one\r\né😀x\rlast"
    offset = text.index("x") + 1
    position = Positions(text, encoding).position(offset)
    assert (position.line, position.character) == expected
    assert Positions(text).position(text.index("last")).line == 2  # a lone \r ends a line too
