"""LanguageTool access: find or start a server newslint may use, and check text with a hard timeout.

newslint never lets language-tool-python download or start LanguageTool by
itself (it downloads from the internet on first use and can retry ports for
minutes on a broken install). It talks to a server the config names, or
starts one from a local LanguageTool folder on a free loopback port, and
uses language-tool-python only as the HTTP client, with newslint's timeout.
Drafts go to a server off this machine only when the config allows it.
"""
from __future__ import annotations

import atexit
import ipaddress
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from newslint.languagetool_settings import Settings

#: loopback host names; anything else is "remote" and needs allow-remote
_LOCAL_HOSTS = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
_LOCK = threading.Lock()
#: per-process memo of what connect() found: url -> client, or the reason none is usable
_CLIENTS: dict[tuple, object] = {}
#: seconds before a server that did not answer is probed again (a long-running process may outlive an outage)
RETRY_AFTER = 30.0
_STARTED: dict[str, tuple[subprocess.Popen, str]] = {}


class LanguageToolUnavailable(Exception):
    """No LanguageTool newslint may use answers; the message says what to do."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with offsets into the text that was checked."""

    offset: int
    length: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


def is_local(url: str) -> bool:
    """True when ``url`` points at this machine (a loopback address or name)."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    if host in _LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _base_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LanguageToolUnavailable(f"[grammar] server {url!r} is not an http(s) URL")
    path = parts.path.rstrip("/")
    if path.endswith("/v2"):
        path = path[:-3]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def connect(settings: Settings, *, disabled_rules: Iterable[str] = (), disabled_categories: Iterable[str] = ()):
    """A language-tool-python client for the configured server (started from the local folder if need be).

    Raises :class:`LanguageToolUnavailable`. The outcome is remembered for the
    process (a failure for ``RETRY_AFTER`` seconds), so a missing server costs
    one probe, not one per file.
    """
    rules, categories = frozenset(disabled_rules), frozenset(disabled_categories)
    key = (settings, rules, categories)
    with _LOCK:
        found = _CLIENTS.get(key)
        if isinstance(found, tuple) and time.monotonic() - found[0] > RETRY_AFTER:
            found = None
        if found is None:
            try:
                found = _connect(settings)
                found.disabled_rules = set(rules)
                found.disabled_categories = set(categories)
            except LanguageToolUnavailable as exc:
                found = (time.monotonic(), exc)
            _CLIENTS[key] = found
    if isinstance(found, tuple):
        raise found[1]
    return found


def _connect(settings: Settings):
    reasons = []
    if settings.server:
        url = _base_url(settings.server)
        if not is_local(url) and not settings.allow_remote:
            reasons.append(f"{url} is not on this machine and drafts are confidential; set allow-remote = true "
                           f"in [grammar] to send drafts to it")
        else:
            try:
                return _client(url, settings)
            except LanguageToolUnavailable as exc:
                reasons.append(str(exc))
    if settings.languagetool_dir:
        try:
            return _client(start_local_server(Path(settings.languagetool_dir), settings.start_timeout), settings)
        except LanguageToolUnavailable as exc:
            reasons.append(str(exc))
    if not reasons:
        reasons.append("no server or languagetool-dir is configured in [grammar]")
    raise LanguageToolUnavailable("; ".join(reasons) + " (start one with `scripts/languagetool-server start`)")


def _client(url: str, settings: Settings):
    """Build the client; its constructor already asks the server for its languages (one probe)."""
    import language_tool_python
    from language_tool_python.exceptions import LanguageToolError

    timeout = settings.timeout

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = timeout  # every request, the constructor's probe included

        def _query_server(self, url, params=None, num_tries=1, method="get"):
            return super()._query_server(url, params, 1, method)  # no silent retries: one timeout, not two

    try:
        client = Client(language=settings.language, remote_server=url)
    except (LanguageToolError, OSError, ValueError) as exc:
        raise LanguageToolUnavailable(f"no LanguageTool answers at {url} ({_short(exc)})") from None
    return client


def check(client, text: str, *, chunk_chars: int = 20_000) -> list[Match]:
    """LanguageTool's matches for ``text``, sent in paragraph-aligned chunks of at most ``chunk_chars``."""
    from language_tool_python.exceptions import LanguageToolError

    out: list[Match] = []
    for offset, chunk in chunks(text, chunk_chars):
        try:
            matches = client.check(chunk)
        except (LanguageToolError, OSError) as exc:
            raise LanguageToolUnavailable(f"LanguageTool at {client.url.removesuffix('v2/')} failed: "
                                          f"{_short(exc)}") from None
        for m in matches:
            out.append(Match(offset + m.offset, m.error_length, m.rule_id, m.category, m.rule_issue_type,
                             m.message, tuple(m.replacements)))
    return out


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Split ``text`` at paragraph breaks into (offset, piece) pieces of at most ``limit`` characters when possible."""
    if len(text) <= limit:
        return [(0, text)] if text.strip() else []
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start + 1, end)
            end = cut if cut > start else end
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = end
    return pieces


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    message = text[-1] if text else type(exc).__name__
    if "timed out" in message.lower() or "timeout" in message.lower():
        return "timed out"
    if "refused" in message.lower():
        return "connection refused"
    return message[:200]


# -- a local LanguageTool folder --------------------------------------------------------------------------------
def classpath(folder: Path) -> str:
    """The Java classpath of a LanguageTool folder: a release zip's folder or scripts/languagetool-server's cache."""
    if (folder / "languagetool-server.jar").is_file():
        return str(folder / "languagetool-server.jar")
    for lib in (folder / "lib", folder):
        if any(lib.glob("languagetool-server*.jar")):
            return str(lib / "*")
    raise LanguageToolUnavailable(f"languagetool-dir {folder} holds no languagetool-server jar")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_local_server(folder: Path, start_timeout: float) -> str:
    """Start LanguageTool's HTTP server from ``folder`` on a free loopback port; stopped when newslint exits."""
    key = str(folder.resolve())
    if key in _STARTED and _STARTED[key][0].poll() is None:
        return _STARTED[key][1]
    cp = classpath(folder)
    java = shutil.which("java")
    if java is None:
        raise LanguageToolUnavailable("languagetool-dir is set but Java is not installed")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen([java, "-Xmx512m", "-cp", cp, "org.languagetool.server.HTTPServer", "--port", str(port)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    atexit.register(_stop, process)
    deadline = time.monotonic() + start_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LanguageToolUnavailable(f"LanguageTool from {folder} exited at start-up (code {process.returncode})")
        if answers(url):
            _STARTED[key] = (process, url)
            return url
        time.sleep(0.25)
    _stop(process)
    raise LanguageToolUnavailable(f"LanguageTool from {folder} did not start within {start_timeout:g} s")


def answers(url: str, timeout: float = 2.0) -> bool:
    """True when a LanguageTool server answers at ``url`` (its /v2/languages endpoint)."""
    import urllib.request
    try:
        with urllib.request.urlopen(urllib.parse.urljoin(url, "v2/languages"), timeout=timeout) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
