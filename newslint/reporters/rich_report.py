"""The default terminal reporter: findings grouped by file, the source line with the span underlined."""
from __future__ import annotations

from typing import Sequence

from newslint import hookimpl
from newslint.document import LineIndex
from newslint.engine import FileResult
from newslint.reporters import Reporter, Summary

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class RichReporter(Reporter):
    name = "rich"
    description = "coloured, grouped output for people (the default on a terminal)"

    def report(self, results: Sequence[FileResult], summary: Summary) -> None:
        from rich.console import Console
        from rich.text import Text

        console = Console(file=self.stream, force_terminal=self.color, no_color=self.color is False,
                          highlight=False, soft_wrap=True)
        for result in results:
            if not result.findings and not result.failed:
                continue
            console.print(Text(result.path, style="bold underline"))
            if result.failed:
                console.print(Text(f"  error: {result.error_text()}", style="bold red"))
            source = self.sources.get(result.path)
            lines = LineIndex(source) if source is not None else None
            for f in result.findings:
                severity = str(f.severity)
                head = Text("  ")
                head.append(f"{f.line}:{f.column}", style="dim")
                head.append(f"  {severity:<7}", style=_STYLE[severity])
                head.append(f" {f.rule} ", style="bold")
                head.append(f"{f.name}", style="dim")
                head.append(f"  {f.message}")
                console.print(head)
                if lines is not None and f.line <= len(lines.starts):
                    line_text = lines.line_text(f.line).expandtabs(1)
                    shown, offset = _window(line_text, f.column - 1)
                    width = (f.end_column - f.column) if f.end_line == f.line else len(line_text) - f.column + 1
                    width = max(1, min(width, len(shown) - offset))
                    console.print(Text("      │ ", style="dim") + Text(shown))
                    console.print(Text("      │ ", style="dim") + Text(" " * offset + "^" * width,
                                                                        style=_STYLE[severity]))
                if f.suggestions:
                    console.print(Text(f"      suggest: {', '.join(f.suggestions)}", style="green"))
            console.print()
        counts = summary.counts
        parts = [f"{counts.get(level, 0)} {level}{'s' if counts.get(level, 0) != 1 else ''}"
                 for level in ("error", "warning", "info") if counts.get(level, 0)]
        tally = ", ".join(parts) if parts else "no findings"
        failed = f"; {summary.failed_files} file(s) could not be checked" if summary.failed_files else ""
        style = "bold red" if summary.exit_code else "bold green"
        console.print(Text(f"{summary.files} file(s) checked: {tally}{failed}", style=style))


def _window(line: str, column: int, width: int = 100) -> tuple[str, int]:
    """A slice of a long line around ``column`` and the column's position in it."""
    if len(line) <= width:
        return line, column
    start = max(0, column - width // 3)
    return ("…" if start else "") + line[start:start + width] + "…", column - start + (1 if start else 0)


@hookimpl
def newslint_reporters() -> list[type[Reporter]]:
    return [RichReporter]
