from robyn import Robyn

app = Robyn(__file__)


@app.get("/")
def hello(request):
    return "Hello, world!"


if __name__ == "__main__":
    app.start()
