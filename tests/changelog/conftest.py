# The editors' fixtures, shared with the editorial tests.
from tests.editorial.conftest import editor_client, make_editor  # noqa: F401
