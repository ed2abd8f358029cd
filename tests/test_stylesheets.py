"""Our stylesheets parse as CSS, with every block closed and no rule inside another.

A rule block left open swallows every rule after it: browsers that read CSS
nesting then apply none of them, and neither axe nor the Nu checker notices.
The project does not nest rules on purpose, so a style rule inside a style rule
is a mistake. Read with tinycss2, a real CSS parser.
"""

from pathlib import Path

import pytest
import tinycss2

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted(
    [
        ROOT / "static" / "css" / "site.css",
        *(ROOT / "static" / "admin").rglob("*.css"),
        *(ROOT / "photos" / "static").rglob("*.css"),
    ]
)
# At-rules whose block holds rules (the others hold declarations, or nothing).
GROUPING = {"media", "supports", "layer", "container", "document"}


def problems(css):
    """What is wrong with ``css``, as "line N: …" strings; [] when it is sound."""
    found = []
    # The tokens written back give the text again, unless a block was never
    # closed: the parser closes it at the end, and the text grows a "}".
    tokens = tinycss2.parse_component_value_list(css)
    if tinycss2.serialize(tokens) != css:
        found.append("a block is never closed (a missing '}')")
    found.extend(
        f"line {token.source_line}: a '{token.kind}' closes nothing"
        for token in tokens
        if token.type == "error" and token.kind in ")]}"
    )
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    found.extend(_rule_problems(rules))
    return found


def _rule_problems(rules):
    for rule in rules:
        where = f"line {rule.source_line}"
        if rule.type == "error":
            yield f"{where}: {rule.message}"
        elif rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            contents = tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            for item in contents:
                if item.type == "error":
                    yield f"line {item.source_line}: {item.message} (in {selector!r})"
                elif item.type in ("qualified-rule", "at-rule"):
                    nested = tinycss2.serialize(item.prelude).strip()
                    yield (
                        f"line {item.source_line}: {nested!r} is nested inside {selector!r}:"
                        f" is the block before it closed?"
                    )
        elif rule.type == "at-rule" and rule.content and rule.lower_at_keyword in GROUPING:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            yield from _rule_problems(inner)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: str(path.relative_to(ROOT)))
def test_stylesheet_is_sound(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_stylesheets_are_all_found():
    names = {path.name for path in STYLESHEETS}
    assert {"site.css", "desk.css", "focal-point.css"} <= names


@pytest.mark.parametrize(
    "css, problem",
    [
        # The bug of issue 19: a rule left open before the next one.
        (".banner {\n  color: red;\n\n.grid img {\n  width: 100%;\n}\n", "nested inside"),
        (".banner { color: red; }\n.grid {", "never closed"),
        (".banner { color: red; }}\n.grid { margin: 0; }", "}"),
        ("@media (min-width: 48rem) {\n  .a { color: red;\n  .b { margin: 0; }\n}\n}", "nested"),
    ],
)
def test_broken_stylesheets_are_caught(css, problem):
    found = problems(css)
    assert found and any(problem in each for each in found), found


def test_a_sound_stylesheet_passes():
    css = ":root { --ink: #111; }\n@media (min-width: 48rem) { .a { color: var(--ink); } }\n"
    assert problems(css) == []
