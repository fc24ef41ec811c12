import tempfile

from emmett import App
from emmett.orm import Database, Field, Model
from emmett.tools import service

app = App(__name__)
app.config.db.uri = "sqlite://books.db"


class Book(Model):
    title = Field.string()
    year = Field.int()


# The database file and its migration records go to a temporary folder,
# so the sample runs with no set-up.
db = Database(app, folder=tempfile.mkdtemp(), auto_migrate=True)
db.define_models(Book)
app.pipeline = [db.pipe]

with db.connection():
    Book.create(title="Fluent Python", year=2022)
    Book.create(title="Architecture Patterns with Python", year=2020)
    db.commit()


@app.route("/books")
@service.json
async def books():
    rows = Book.all().select(orderby=Book.id)
    return [{"id": row.id, "title": row.title, "year": row.year} for row in rows]
