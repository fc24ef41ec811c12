import tempfile
from pathlib import Path

from robyn import Robyn
from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

# A temporary SQLite file so the sample runs with no set-up.
engine = create_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'books.db'}")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


Base.metadata.create_all(engine)
with SessionLocal() as db:
    db.add_all(
        [
            Book(title="Fluent Python", year=2022),
            Book(title="Architecture Patterns with Python", year=2020),
        ]
    )
    db.commit()

app = Robyn(__file__)


# A plain def: Robyn runs synchronous handlers in a worker thread, so the
# blocking SQLAlchemy calls do not stall the event loop.
@app.get("/books")
def books(request):
    with SessionLocal() as db:
        rows = db.scalars(select(Book).order_by(Book.id))
        return [{"id": b.id, "title": b.title, "year": b.year} for b in rows]


if __name__ == "__main__":
    app.start()
