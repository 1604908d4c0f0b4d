"""The hook specifications: the whole plugin interface of newslint.

Every built-in rule, format and reporter arrives through these hooks, exactly
as a third-party plugin's do. A plugin is any module or object with
functions marked ``@newslint.hookimpl`` and named like the specs below. It is
found in one of three ways, in this order:

1. the built-in plugin modules (``newslint.plugins.BUILTIN_PLUGINS``),
   declared in newslint's own ``newslint`` entry-point group;
2. any installed distribution's ``newslint`` entry points
   (``[project.entry-points.newslint] myrules = "myrules"``);
3. local plugin files named in config (``plugins = ["rules/house.py"]``).

Hooks return lists; pluggy gathers them from every plugin. Rules are classes
deriving from :class:`newslint.rule.Rule`; the engine does selection,
severity overrides, suppression and sorting, so a hook only contributes.
"""
from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")


@hookspec
def newslint_rules() -> list:
    """Return the :class:`~newslint.rule.Rule` subclasses this plugin contributes."""


@hookspec
def newslint_formats() -> list:
    """Return the :class:`~newslint.formats.Format` parsers this plugin contributes.

    A format claims file suffixes; the first registered format that claims a
    suffix parses those files.
    """


@hookspec
def newslint_reporters() -> list:
    """Return the :class:`~newslint.reporters.Reporter` classes this plugin contributes (by ``name``)."""


@hookspec
def newslint_pack_kinds() -> list:
    """Return the rule-pack kinds this plugin contributes: classes with a ``kind`` name (e.g. ``existence``).

    A pack rule file whose ``extends:`` names the kind is built by it; see
    :mod:`newslint.packs`.
    """
