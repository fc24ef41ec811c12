import tempfile
from contextvars import ContextVar
from pathlib import Path

from sanic import Sanic
from sanic.response import json
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

app = Sanic("Books")

# A temporary SQLite file so the sample runs with no set-up.
bind = create_async_engine(f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp()) / 'books.db'}")
_sessionmaker = async_sessionmaker(bind, class_=AsyncSession, expire_on_commit=False)
_base_model_session_ctx = ContextVar("session")


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]


@app.before_server_start
async def create_and_fill(app):
    async with bind.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    async with _sessionmaker() as session, session.begin():
        session.add_all(
            [
                Book(title="Fluent Python", year=2022),
                Book(title="Architecture Patterns with Python", year=2020),
            ]
        )


# One session per request, as in the Sanic ORM guide.
@app.on_request
async def inject_session(request):
    request.ctx.session = _sessionmaker()
    request.ctx.session_ctx_token = _base_model_session_ctx.set(request.ctx.session)


@app.on_response
async def close_session(request, response):
    if hasattr(request.ctx, "session_ctx_token"):
        _base_model_session_ctx.reset(request.ctx.session_ctx_token)
        await request.ctx.session.close()


@app.get("/books")
async def books(request):
    result = await request.ctx.session.execute(select(Book).order_by(Book.id))
    return json([{"id": b.id, "title": b.title, "year": b.year} for b in result.scalars()])
