"""`article-worker schema`: print or write the JSON Schemas of the wire formats."""

from __future__ import annotations

from pathlib import Path

import click

from schemas.export import MODELS, render, write


@click.command("schema")
@click.argument("name", required=False, type=click.Choice(sorted(MODELS)))
@click.option("--write", "directory", type=click.Path(file_okay=False, path_type=Path), help="Write all files here.")
def command(name: str | None, directory: Path | None) -> None:
    """Print one schema (or all, as a JSON object), or write the files."""
    if directory is not None:
        for path in write(directory):
            click.echo(str(path))
        return
    if name:
        click.echo(render(name), nl=False)
        return
    click.echo("{" + ",\n".join(f'"{n}": {render(n).rstrip()}' for n in MODELS) + "}")
