from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy.pool import StaticPool
from sqlmodel import Field, Session, SQLModel, create_engine, select


class Book(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str


# One shared in-memory database for every thread, as SQLModel's docs show for tests.
engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)


@asynccontextmanager
async def lifespan(app: FastAPI):
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all([Book(title="Dune"), Book(title="Emma")])
        session.commit()
    yield


app = FastAPI(lifespan=lifespan)


def get_session():
    with Session(engine) as session:
        yield session


@app.get("/books", response_model=list[Book])
def list_books(session: Annotated[Session, Depends(get_session)]):
    return session.exec(select(Book).order_by(Book.id)).all()
