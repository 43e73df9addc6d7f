"""The language of the command line: what --lang asks for (also before the command, and for
help pages and usage errors, which click makes before it reads the options), and the English
help pages' pieces (texts in ``cli_help_en``)."""

from __future__ import annotations

import click


class _LangOption(click.Option):
    """--lang of a command: when not given, the language asked anywhere on the command line
    (``vanban --lang en build``); "vi" on the help page."""

    def get_default(self, ctx: click.Context, call: bool = True):
        return _asked_lang() if call else super().get_default(ctx, call=call)


LANG_HELP = "Ngôn ngữ thông báo (vi/en). / Language of the messages: en for English."


def _words_lang(words: list[str]) -> str:
    """The language the command line asks for (its last --lang), "vi" when none: help pages
    and usage errors come before click has read the options."""
    lang = "vi"
    for a, b in zip(words, [*words[1:], ""]):
        if a == "--":
            break
        if a.startswith("--lang="):
            lang = a.removeprefix("--lang=")
        elif a == "--lang" and b in ("vi", "en"):
            lang = b
    return lang if lang in ("vi", "en") else "vi"


def _asked_lang() -> str:
    """The language asked for anywhere on the command line, else "vi"."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return obj.get("lang", "vi") if isinstance(obj, dict) else "vi"


def _english(ctx: click.Context) -> bool:
    """Whether ``ctx``'s command speaks English (its --lang, or the command line's)."""
    return ctx.params.get("lang") == "en" or _asked_lang() == "en"


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


def _short_help(ctx: click.Context, name: str, command: click.Command, width: int) -> str:
    """The line of sub-command ``name`` in its group's list, in the language asked for."""
    if _english(ctx):
        from vanban.cli_help_en import HELP_EN

        short = HELP_EN.get(f"{_command_key(ctx)} {name}".strip(), {}).get("short")
        if short:
            return short
    return command.get_short_help_str(width)
