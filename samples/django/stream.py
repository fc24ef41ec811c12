import time

from django.http import StreamingHttpResponse


def count(request):
    def lines():
        for n in range(1, 4):
            yield f"{n}\n"
            time.sleep(0.1)

    return StreamingHttpResponse(lines(), content_type="text/plain")
