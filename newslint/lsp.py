"""Language server (`newslint lsp`): findings as the reporter types, quick fixes, config from the draft's folder."""
from __future__ import annotations

import asyncio
import bisect
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__
from newslint.config import CONFIG_NAMES
from newslint.engine import FileResult, Linter
from newslint.fixes import choose_fixes
from newslint.rule import Finding, Fix, Severity

#: wait this long after the last keystroke before checking again
DEBOUNCE_SECONDS = 0.4
FIX_ALL_KIND = "source.fixAll.newslint"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_SUFFIX_FOR_LANGUAGE = {"markdown": ".md", "plaintext": ".txt", "html": ".html"}


class Positions:
    """Offsets into one text as LSP positions: LSP line breaks, characters counted in the negotiated encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = str(encoding)
        starts = [0]
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            if ch in "\r\n":
                starts.append(i + 1)
            i += 1
        self.starts = starts

    def _width(self, chunk: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chunk)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chunk.encode("utf-8", "surrogatepass"))
        return len(chunk.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._width(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))


@dataclass(frozen=True)
class Snapshot:
    """One check of one version of a document: the findings and the diagnostics sent for them."""

    uri: str
    version: int | None
    text: str
    findings: tuple[Finding, ...]
    diagnostics: tuple[types.Diagnostic, ...]


def path_for(uri: str, language_id: str | None) -> str:
    """The path newslint checks the document as: its file, or a name whose suffix matches its language."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return path
    return "untitled" + _SUFFIX_FOR_LANGUAGE.get(language_id or "", ".md")


def diagnostics_for(result: FileResult, positions: Positions) -> list[types.Diagnostic]:
    out = []
    for finding in result.findings:
        out.append(types.Diagnostic(
            range=positions.range(finding.source_start, finding.source_end),
            message=finding.message, severity=_SEVERITY[finding.severity], code=finding.rule, source="newslint",
            data={"name": finding.name, "fixable": finding.fix is not None}))
    problem = result.error_text()
    if problem:  # a config error or broken front matter: say so at the top rather than stay silent
        out.append(types.Diagnostic(range=positions.range(0, 0), message=f"newslint could not check this draft: "
                                    f"{problem}", severity=types.DiagnosticSeverity.Error, source="newslint"))
    return out


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits)])


def code_actions(snapshot: Snapshot, wanted: types.Range, positions: Positions,
                 only: Sequence[str] | None = None) -> list[types.CodeAction]:
    """Quick fixes for the findings touching ``wanted``, and one action that applies every safe fix."""
    actions: list[types.CodeAction] = []
    want_quickfix = not only or any(types.CodeActionKind.QuickFix.startswith(k) for k in only)
    want_fix_all = not only or any(FIX_ALL_KIND.startswith(k) for k in only)
    for finding, diagnostic in zip(snapshot.findings, snapshot.diagnostics):
        if not want_quickfix or not _overlaps(diagnostic.range, wanted):
            continue
        if finding.fix is not None:
            fix = finding.fix
            title = (f"Replace {snapshot.text[fix.start:fix.end]!r} with {fix.replacement!r}" if fix.replacement
                     else f"Delete {snapshot.text[fix.start:fix.end]!r}")
            actions.append(types.CodeAction(
                title=f"{title} ({finding.rule})", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                is_preferred=True, edit=_edit(snapshot.uri, snapshot.version, [_text_edit(fix, positions)])))
            continue
        span = snapshot.text[finding.source_start:finding.source_end]
        if any(ch in span for ch in "\r\n*_`[]<>&"):
            continue  # the span holds markup or crosses lines: replacing it could swallow markup
        for suggestion in finding.suggestions:
            if suggestion == span:
                continue
            edit = types.TextEdit(range=diagnostic.range, new_text=suggestion)
            actions.append(types.CodeAction(
                title=f"Replace with {suggestion!r} ({finding.rule})", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic], edit=_edit(snapshot.uri, snapshot.version, [edit])))
    if want_fix_all:
        kept, _ = choose_fixes((f.fix for f in snapshot.findings if f.fix is not None), snapshot.text)
        if kept:
            actions.append(types.CodeAction(
                title=f"Apply every safe newslint fix ({len(kept)})", kind=FIX_ALL_KIND,
                edit=_edit(snapshot.uri, snapshot.version, [_text_edit(f, positions) for f in kept])))
    return actions


def _text_edit(fix: Fix, positions: Positions) -> types.TextEdit:
    return types.TextEdit(range=positions.range(fix.start, fix.end), new_text=fix.replacement)


class NewslintServer(LanguageServer):
    """Checks open drafts in a single worker thread and keeps the latest check of each for code actions."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = Linter()
        self.snapshots: dict[str, Snapshot] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def check(self, uri: str, version: int | None, text: str, language_id: str | None) -> Snapshot:
        """Check one version of a document (runs in the worker thread)."""
        result = self.linter.check_source(text, path_for(uri, language_id))
        positions = Positions(text, self.encoding)
        return Snapshot(uri, version, text, result.findings, tuple(diagnostics_for(result, positions)))

    async def check_now(self, uri: str) -> Snapshot | None:
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        snapshot = await loop.run_in_executor(self.worker, self.check, uri, version, text, document.language_id)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or current.source != text:
            return None  # edited meanwhile: a newer check is on its way
        self.snapshots[uri] = snapshot
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=list(snapshot.diagnostics)))
        return snapshot

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing any check still waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            try:
                await self.check_now(uri)
            except Exception as exc:  # never let one draft's crash stop the server
                self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                               message=f"newslint: {uri}: {exc}"))
            finally:
                if self.pending.get(uri) is task:
                    del self.pending[uri]

        task = asyncio.ensure_future(later())
        self.pending[uri] = task

    def reload_config(self) -> None:
        """Forget loaded configs and plugins and check every open draft again."""
        self.linter = Linter()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


def build_server() -> NewslintServer:
    server = NewslintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(path_for(params.text_document.uri, None)).name in CONFIG_NAMES:
            ls.reload_config()
        elif params.text_document.uri in ls.workspace.text_documents:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.snapshots.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(path_for(change.uri, None)).name in CONFIG_NAMES for change in params.changes):
            ls.reload_config()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        snapshot = ls.snapshots.get(uri)
        if snapshot is None or snapshot.version != document.version or snapshot.text != document.source:
            snapshot = await ls.check_now(uri)  # the editor asked before the debounced check ran
            if snapshot is None:
                return []
        return code_actions(snapshot, params.range, Positions(snapshot.text, ls.encoding), params.context.only)

    return server


def serve() -> int:
    """Run the server over standard input and output until the client says exit."""
    build_server().start_io()
    return 0
