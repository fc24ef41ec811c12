from ninja import NinjaAPI

import greet
import hello
import json_api
import stream
import subscribe
from books.api import router as books

api = NinjaAPI()
for router in (hello.router, json_api.router, greet.router, subscribe.router, books, stream.router):
    api.add_router("", router)
