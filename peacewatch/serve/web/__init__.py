"""``peacewatch serve``: a read-only REST API under ``/api/`` and an analyst's dashboard.

``app.create_app(db)`` builds the FastAPI application on one read-only ``store.reads.Reader``;
``api`` answers JSON and CSV, ``pages`` renders the dashboard's Jinja2 templates, ``views`` turns
records into the rows both show, ``params`` reads the filters of a request, ``tables`` writes CSV.
Every view's state is in its address, so a link reopens the same view. ``corrections`` is the
write router (analyst corrections), mounted only with a write token.
"""
