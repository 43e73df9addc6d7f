"""The English help pages' pieces (their texts in ``cli_help_en``), imported only when an
English help page is asked for: what --lang asks is read in cli_group.py (every run needs it)."""

from __future__ import annotations

import click


def _command_key(ctx: click.Context) -> str:
    """The command's path without the program's name: "" (vanban), "build", "report init"."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def _with_help(param: click.Parameter, texts: dict[str, str]) -> click.Parameter:
    """``param`` with its help from ``texts`` (by its long name), when they have it."""
    import copy

    name = next((o for o in getattr(param, "opts", ()) if o.startswith("--")), None)
    if name not in texts:
        return param
    english = copy.copy(param)
    english.help = texts[name]
    return english


def short_help_en(ctx: click.Context, name: str, command: click.Command, width: int) -> str:
    """The line of sub-command ``name`` in its group's list, in English (as it is when
    ``cli_help_en`` has none)."""
    from vanban.cli_help_en import HELP_EN

    short = HELP_EN.get(f"{_command_key(ctx)} {name}".strip(), {}).get("short")
    return short or command.get_short_help_str(width)
