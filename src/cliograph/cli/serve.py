"""`serve`: the local web viewer over a store."""
from __future__ import annotations

import click

from .main import cli, fail


@cli.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store to show (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
@click.option("--log", is_flag=True, help="Log each request on stderr.")
def serve(db, host, port, log):
    """Serve the viewer: reading view, actors, quotes, timeline, network and search; each page also as .json.

    Binds 127.0.0.1 unless --host says otherwise; the database is opened read-only.

    Example: cliograph serve --db kb.sqlite --port 8000
    """
    from ..store import StoreError
    from ..viewer import make_viewer_server

    try:
        server = make_viewer_server(db, host, port, quiet=not log)
    except StoreError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {db} at http://{shown}:{server.server_port}/ (Ctrl-C to stop)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"note: listening on {host}: other machines can read this store", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
