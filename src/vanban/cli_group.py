"""The click group's machinery: --lang (asked anywhere on the command line), click's own words
in help pages and usage errors in Vietnamese (the whole page in English with --lang en, from
``cli_help_en``), and usage errors with exit status 2. The group itself is ``cli.main``.
"""

from __future__ import annotations

import sys

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


def _lang_option(f):
    return click.option("--lang", cls=_LangOption, type=click.Choice(["vi", "en"]),
                        default="vi", show_default=True, help=LANG_HELP)(f)

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."


class _Vietnamese:
    """Click's own words in help pages and usage errors, in Vietnamese; with --lang en the
    whole page in English (``cli_help_en``)."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Show this message and exit." if _english(ctx) else HELP_TEXT
        return option

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not _english(ctx):
            return super().format_help(ctx, formatter)
        import copy

        from vanban.cli_help_en import HELP_EN, LANG
        from vanban.cli_lang import _command_key, _with_help

        texts = HELP_EN.get(_command_key(ctx), {})
        english = copy.copy(self)
        english.help = texts.get("help", self.help)
        english.epilog = texts.get("epilog", self.epilog)
        options = {**texts.get("options", {}), "--lang": LANG}
        english.params = [_with_help(p, options) for p in self.params]
        return super(_Vietnamese, english).format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _english(ctx):
            return super().format_usage(ctx, formatter)
        pieces = [_USAGE_WORDS.get(p, p) for p in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Cách dùng: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _english(ctx):
            return super().format_options(ctx, formatter)
        records = [_record_vi(*r) for p in self.get_params(ctx) if (r := p.get_help_record(ctx))]
        if records:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


_USAGE_WORDS = {"[OPTIONS]": "[TÙY-CHỌN]", "COMMAND [ARGS]...": "LỆNH [THAM-SỐ]..."}
"""Click's words in a usage line."""

_METAVARS_VI = (
    (" INTEGER RANGE", " SỐ"), (" INTEGER", " SỐ"), (" FLOAT RANGE", " SỐ"), (" FLOAT", " SỐ"),
    (" DIRECTORY", " THƯ-MỤC"), (" FILE", " TỆP"), (" PATH", " ĐƯỜNG-DẪN"), (" TEXT", " CHỮ"),
)
"""Click's names of an option's value type, as a help page shows them after the option."""


def _record_vi(option: str, help_text: str) -> tuple[str, str]:
    """One row of a help page's options with click's English words in Vietnamese: the value's
    type ("--out DIRECTORY" → "--out THƯ-MỤC"), "[default: vi]", "required", "1<=x<=64"."""
    import re

    for english, vietnamese in _METAVARS_VI:
        if option.endswith(english):
            option = option[: -len(english)] + vietnamese
            break

    def extra(match: re.Match) -> str:
        text = match.group(1)
        text = re.sub(r"\bdefault: ", "mặc định: ", text)
        text = re.sub(r"\brequired\b", "bắt buộc", text)
        text = re.sub(r"(-?[\d.]+)<=x<=(-?[\d.]+)", r"từ \1 đến \2", text)
        text = re.sub(r"x>=(-?[\d.]+)", r"từ \1 trở lên", text)
        text = re.sub(r"x<=(-?[\d.]+)", r"đến \1", text)
        return f"[{text}]"

    return option, re.sub(r"\[((?:default|required|-?[\d.]+<=x|x[<>]=)[^\]]*)\]\Z", extra,
                          help_text)


_USAGE_VI = (
    (r"Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"(\S+) is not in the range (\S+)\.", r"\1 nằm ngoài khoảng \2."),
    (r"(.+) is not one of (.+)\.", r"\1 không phải một trong \2."),
    (r"(?:File|Path|Directory) (.+) does not exist\.", r"Không có \1."),
    (r"(?:File|Path) (.+) is a directory\.", r"\1 là thư mục, không phải tệp."),
    (r"(?:Directory|Path) (.+) is a file\.", r"\1 là tệp, không phải thư mục."),
    (r"No such command (.+)\.", r"Không có lệnh \1."),
    (r"No such option: (\S+)", r"Không có tùy chọn \1"),
    (r"No such option (\S+?)\.", r"Không có tùy chọn \1."),
    (r"Missing argument (.+)\.", r"Thiếu tham số \1."),
    (r"Missing option (.+)\.", r"Thiếu tùy chọn \1."),
    (r"Got unexpected extra arguments? \((.+)\)", r"Thừa tham số (\1)"),
    (r"Option (.+) requires an argument\.", r"Tùy chọn \1 cần một giá trị."),
    (r"Did you mean (.+)\?", r"Có phải \1?"),
    (r"(.+) is not a valid integer(?: range)?\.", r"\1 không phải số nguyên."),
)


def _usage_vi(message: str) -> str:
    """Click's usage messages in Vietnamese (what it says in English is the pattern)."""
    import re

    for pattern, replacement in _USAGE_VI:
        message = re.sub(pattern, replacement, message)
    return message


class _Command(_Vietnamese, click.Command):
    pass


class _Group(_Vietnamese, click.Group):
    command_class = _Command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        english = _english(ctx)
        if english:
            from vanban.cli_lang import short_help_en
        rows = [(name, short_help_en(ctx, name, cmd, formatter.width - 20) if english
                 else cmd.get_short_help_str(formatter.width - 20))
                for name in self.list_commands(ctx) if (cmd := self.get_command(ctx, name))]
        if rows:
            with formatter.section("Commands" if english else "Lệnh"):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``vanban --lang en`` alone is ``vanban`` alone: the help page (in English)."""
        words = [a for a in args if a not in ("--lang", "vi", "en")
                 and not a.startswith("--lang=")]
        if args and not words and self.no_args_is_help and not ctx.resilient_parsing:
            raise click.exceptions.NoArgsIsHelpError(ctx)
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, **extra):
        """Usage errors in Vietnamese (English with --lang en), with exit status 2."""
        extra.pop("standalone_mode", None)
        words = list(sys.argv[1:] if args is None else args)
        if extra.get("obj") is None:  # what --lang asks, for help pages read before options
            extra["obj"] = {"lang": _words_lang(words)}
        try:
            return super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # no command: the help page alone
            exc.show()
            sys.exit(2)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "vanban"
            if _words_lang(words) == "en":
                click.echo(f"Usage error: {exc.format_message()}\nSee: {where} --help", err=True)
            else:
                click.echo(f"Lỗi cách dùng lệnh: {_usage_vi(exc.format_message())}\n"
                           f"Xem hướng dẫn: {where} --help", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Stopped." if _words_lang(words) == "en" else "Đã dừng.", err=True)
            sys.exit(1)
