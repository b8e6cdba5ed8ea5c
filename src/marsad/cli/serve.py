"""``marsad serve``: the HTTP JSON API and the dashboard over a store."""

from __future__ import annotations

import argparse
import sys

from marsad.ingest import PipelineFactory
from marsad.store.store import open_store


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {number}")
    return number


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return number


def _workers(value: str) -> int:
    number = int(_positive(value))
    if str(number) != value.strip():
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}")
    return number


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str) -> None:
    serve = sub.add_parser("serve", help="serve the store: HTTP JSON API and web dashboard")
    serve.add_argument("--db", metavar="URL", help=db_help)
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="the port (default: 8000)"
    )
    serve.add_argument(
        "--workers", type=_workers, default=1, metavar="N", help="server processes (default: 1)"
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow cross-origin reads from ORIGIN (repeatable; default: CORS off)",
    )
    serve.add_argument(
        "--timeout",
        type=_positive,
        default=10.0,
        metavar="S",
        help="seconds a request may query the store (default: 10)",
    )
    serve.set_defaults(handler=serve_command)


def serve_command(args: argparse.Namespace, factory: PipelineFactory) -> int:
    from marsad.web import require_web

    require_web()
    from marsad.web.server import serve
    from marsad.web.state import Settings

    with open_store(args.db, create=False) as store:  # a clear error now, not per request
        where = store.path
    settings = Settings(
        db=args.db, query_timeout=args.timeout, cors_origins=tuple(args.cors_origin)
    )
    print(
        f"marsad: serving {where} on http://{args.host}:{args.port} (Ctrl-C stops)",
        file=sys.stderr,
    )
    serve(settings, args.host, args.port, args.workers)
    return 0
