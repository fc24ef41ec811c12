"""Serve one sample with CherryPy's own production server: python serve.py hello 8080."""

import importlib
import sys

import cherrypy

module, port = sys.argv[1], int(sys.argv[2])
cherrypy.config.update(
    {"environment": "production", "server.socket_host": "127.0.0.1", "server.socket_port": port}
)
cherrypy.quickstart(importlib.import_module(module).Root())
