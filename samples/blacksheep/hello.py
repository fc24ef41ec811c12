from blacksheep import Application, Router

# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)


# A returned str becomes a text/plain response.
@router.get("/")
async def hello():
    return "Hello, world!"
