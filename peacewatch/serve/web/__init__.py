"""The web API (FastAPI): routers over the read layer, each mounted by the app with one line."""
