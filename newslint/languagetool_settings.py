"""Where LanguageTool runs and how long newslint waits for it: the client's settings, cheap to import."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Where LanguageTool runs and how long newslint waits for it (NL601's options extend these)."""

    #: the LanguageTool server newslint sends drafts to
    server: str = "http://127.0.0.1:8081"
    #: send drafts to a server off this machine (your newsroom's, or LanguageTool's public API)
    allow_remote: bool = False
    #: a local LanguageTool (release folder or scripts/languagetool-server cache) to start when no server answers
    languagetool_dir: str = ""
    #: seconds to wait for one answer from the server
    timeout: float = 10.0
    #: seconds to wait for a LanguageTool started from languagetool-dir
    start_timeout: float = 90.0
    #: LanguageTool's language code
    language: str = "en-US"
