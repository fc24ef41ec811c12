import tempfile
from pathlib import Path

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, get
from litestar.di import NamedDependency
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase): ...


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    year: Mapped[int]


@get("/books")
async def books(db_session: NamedDependency[AsyncSession]) -> list[dict]:
    result = await db_session.execute(select(Book).order_by(Book.id))
    return [{"id": b.id, "title": b.title, "year": b.year} for b in result.scalars()]


async def fill(app: Litestar) -> None:
    async with config.get_session() as session, session.begin():
        session.add_all(
            [
                Book(title="Fluent Python", year=2022),
                Book(title="Architecture Patterns with Python", year=2020),
            ]
        )


# A temporary SQLite file so the sample runs with no set-up; create_all makes the table.
config = SQLAlchemyAsyncConfig(
    connection_string=f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'books.db'}",
    create_all=True,
    metadata=Base.metadata,
)
app = Litestar(route_handlers=[books], plugins=[SQLAlchemyPlugin(config=config)], on_startup=[fill])
