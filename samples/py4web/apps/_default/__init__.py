# The app served at "/": py4web runs the app named _default at the site root.
# Like the scaffold app, it imports the modules that define its actions.
from . import books, greet, hello, json_api, stream, subscribe  # noqa: F401
