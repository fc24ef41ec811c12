import tempfile

from py4web import DAL, Field, action

# pyDAL, py4web's database layer; a temporary folder holds the SQLite file and
# its migration records, so the sample runs with no set-up.
db = DAL("sqlite://books.db", folder=tempfile.mkdtemp())
db.define_table("book", Field("title"), Field("year", "integer"))
if db(db.book).isempty():
    db.book.insert(title="Fluent Python", year=2022)
    db.book.insert(title="Architecture Patterns with Python", year=2020)
db.commit()


@action("books")
@action.uses(db)
def books():
    return db(db.book).select(orderby=db.book.id).as_list()
