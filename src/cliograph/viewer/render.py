"""Templates (jinja2, autoescaping on) and static files, loaded from the package."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jinja2


def _date_label(value: str | None) -> str:
    return value or "undated"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cliograph.viewer", "templates"),
        autoescape=True,  # every template, whatever its name: document text is never trusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date_label"] = _date_label
    env.filters["cite"] = cite
    return env


def cite(row: dict) -> str:
    parts = [f"p. {row['page']}"] if row.get("page") else []
    parts += [f"n. {n}" for n in row.get("notes") or []]
    return ", ".join(parts)


def static_text(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def static_names() -> set[str]:
    return {p.name for p in resources.files(__package__).joinpath("static").iterdir() if p.is_file()}


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
