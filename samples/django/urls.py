from django.urls import path

import greet
import hello
import json_api
import stream
import subscribe
from books import views as books

urlpatterns = [
    path("", hello.hello),
    path("items/<int:item_id>", json_api.item),
    path("greet", greet.greet),
    path("subscribe", subscribe.subscribe),
    path("books", books.book_list),
    path("stream", stream.count),
]
